/**
 * What a batch run is asked to do: how many orders, how many in flight at once, and
 * either a mix of the start page's presets (percent each) or chaos (per-step chances of
 * failure). Parsed with zod so the form, the URL a batch page carries and the server
 * action all refuse the same bad values with the same sentences. Browser-safe.
 */
import { z } from 'zod';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';
import { INPUT_BOUNDS } from '@/lib/saga/steps';

export const BATCH_BOUNDS = {
  count: { min: 1, max: 1_000 },
  concurrency: { min: 1, max: 100 },
  percent: { min: 0, max: 100 },
} as const;

const percent = z.number().int().min(BATCH_BOUNDS.percent.min).max(BATCH_BOUNDS.percent.max);

export const PRESET_IDS = SAGA_PRESETS.map((p) => p.id);

const mixSchema = z
  .record(z.string(), percent)
  .refine((mix) => Object.keys(mix).every((id) => PRESET_IDS.includes(id)), { error: `name presets only (${PRESET_IDS.join(', ')})` })
  .refine((mix) => Object.values(mix).reduce((a, b) => a + b, 0) === 100, { error: 'the percentages must add up to 100' });

/**
 * Chaos, mapped onto the saga's input switches (which allow one failing forward step,
 * one flaky step and one failing compensation per order): each forward step in turn fails
 * with `business`% (the first that fails is the one), each is flaky with `transient`%,
 * each compensation that will run fails its first run with `compensation`%, and an
 * order is slowed by `latencyMs` on every step with `latency`%.
 */
const chaosSchema = z.strictObject({
  business: percent,
  transient: percent,
  compensation: percent,
  latency: percent,
  latencyMs: z.number().int().min(INPUT_BOUNDS.latencyMs.min).max(INPUT_BOUNDS.latencyMs.max),
});

export const batchSettingsSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('mix'),
    count: z.number().int().min(BATCH_BOUNDS.count.min).max(BATCH_BOUNDS.count.max),
    concurrency: z.number().int().min(BATCH_BOUNDS.concurrency.min).max(BATCH_BOUNDS.concurrency.max),
    mix: mixSchema,
  }),
  z.strictObject({
    mode: z.literal('chaos'),
    count: z.number().int().min(BATCH_BOUNDS.count.min).max(BATCH_BOUNDS.count.max),
    concurrency: z.number().int().min(BATCH_BOUNDS.concurrency.min).max(BATCH_BOUNDS.concurrency.max),
    chaos: chaosSchema,
  }),
]);

export type BatchSettings = z.output<typeof batchSettingsSchema>;
export type ChaosSettings = z.output<typeof chaosSchema>;

export type SettingsParse = { ok: true; settings: BatchSettings } | { ok: false; problems: string[] };

export function parseBatchSettings(raw: unknown): SettingsParse {
  const parsed = batchSettingsSchema.safeParse(raw);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'settings'}: ${i.message}`) };
}

/** Settings as a URL-safe token, so a batch's page can rebuild its plan after a restart. */
export const encodeSettings = (settings: BatchSettings): string =>
  // The JSON is ASCII (numbers and preset ids), so btoa, which exists in browsers and Node, suffices.
  btoa(JSON.stringify(settings)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

export function decodeSettings(token: string): SettingsParse {
  let raw: unknown;
  try {
    raw = JSON.parse(atob(token.replaceAll('-', '+').replaceAll('_', '/')));
  } catch {
    return { ok: false, problems: ['s: is not a batch settings token; start the batch again from the batch page'] };
  }
  return parseBatchSettings(raw);
}
