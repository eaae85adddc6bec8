/**
 * The batch form's fields as the raw settings object the schema judges. Numbers that are
 * not numbers stay strings, so the schema says which field is wrong.
 */
import { PRESET_IDS } from '@/lib/batch/settings';

const numberOr = (value: FormDataEntryValue | null): unknown => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return 0;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
};

export function settingsFromForm(form: FormData): Record<string, unknown> {
  const common = { count: numberOr(form.get('count')), concurrency: numberOr(form.get('concurrency')) };
  if (form.get('mode') === 'chaos') {
    return {
      mode: 'chaos',
      ...common,
      chaos: {
        business: numberOr(form.get('business')),
        transient: numberOr(form.get('transient')),
        compensation: numberOr(form.get('compensation')),
        latency: numberOr(form.get('latency')),
        latencyMs: numberOr(form.get('latencyMs')),
      },
    };
  }
  const mix: Record<string, unknown> = {};
  for (const id of PRESET_IDS) {
    const value = numberOr(form.get(`mix-${id}`));
    if (value !== 0) mix[id] = value;
  }
  return { mode: 'mix', ...common, mix };
}
