/**
 * The executions list's URL: which machine, which filters, which page. Parsed with zod
 * so a hand-edited or stale link gets a sentence per bad value instead of a crash, and
 * written back in one canonical order so equal filters make equal URLs (and cache keys).
 * Pure: no Next, no SDK.
 */
import { z } from 'zod';
import { SCENARIO_CODES, type ScenarioCode } from '@/lib/saga/scenarios';
import { EXECUTION_STATUSES, type ExecutionStatus } from '@/lib/core/execution-status';
import { SAGA_OUTCOMES, type SagaOutcome } from '@/lib/history/types';
import { BATCH_ID_PATTERN } from '@/lib/saga/names';

export interface ListFilters {
  /** a state machine name or ARN; absent means the saga */
  sm?: string;
  status?: ExecutionStatus;
  outcome?: SagaOutcome;
  scenario?: ScenarioCode;
  /** start-time bounds, epoch ms, inclusive */
  from?: number;
  to?: number;
  /** part of the execution name, which holds the order id */
  q?: string;
  /** a batch run's id: only its orders (the id is in their names) */
  batch?: string;
  /** the ListExecutions nextToken this page starts at; absent on the first page */
  page?: string;
  /** the tokens of the pages before this one, oldest first, at most MAX_TRAIL (the first page has none) */
  prev: string[];
}

export type FilterParse = { ok: true; filters: ListFilters } | { ok: false; problems: string[] };

export type RawParams = Readonly<Record<string, string | readonly string[] | undefined>>;

const MACHINE_ARN = /^arn:[\w-]+:states:[\w-]*:\d*:stateMachine:[\w.-]{1,80}(:[\w.-]+)?$/;
const MACHINE_NAME = /^[\w.-]{1,80}$/;
const TOKEN = /^[\x21-\x7e]{1,4096}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/**
 * Tokens kept for Previous. AWS tokens run to hundreds of characters and Node refuses
 * request headers over 16 KB, so the trail keeps only the latest ones; Previous beyond
 * them lands on the first page.
 */
export const MAX_TRAIL = 20;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: () => `must be one of ${values.join(', ')}` });

/** 2025-02-30 parses (as March 2nd); a date that does not exist is a typo, not a bound. */
function isCalendarDate(text: string): boolean {
  const [y = 0, m = 0, d = 0] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Times without a zone are UTC, the zone every time on the dashboard is shown in. */
const instant = z
  .string()
  .regex(INSTANT, 'use a date and time such as 2025-05-01T14:30 (UTC)')
  .transform((text, ctx) => {
    const zoned = text.includes('T') && !/(Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text;
    const ms = Date.parse(zoned);
    if (Number.isNaN(ms) || !isCalendarDate(text)) {
      ctx.addIssue({ code: 'custom', message: `${text} is not a real date and time` });
      return z.NEVER;
    }
    return ms;
  });

const schema = z
  .object({
    sm: z.string().refine((s) => MACHINE_ARN.test(s) || MACHINE_NAME.test(s), 'must be a state machine name or ARN'),
    status: oneOf(EXECUTION_STATUSES),
    outcome: oneOf(SAGA_OUTCOMES),
    scenario: oneOf(SCENARIO_CODES),
    from: instant,
    to: instant,
    q: z.string().max(80, 'must be at most 80 characters'),
    batch: z.string().regex(BATCH_ID_PATTERN, 'is not a batch id (bat- and 8 letters or digits)'),
    page: z.string().regex(TOKEN, 'is not a page token; start again from the first page'),
  })
  .partial()
  .extend({
    prev: z
      .array(z.string().regex(TOKEN, 'holds something that is not a page token; start again from the first page'))
      .max(MAX_TRAIL, `can hold at most ${MAX_TRAIL} pages`),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    path: ['from'],
    error: 'must not be after to',
  });

const SINGLE_KEYS = ['sm', 'status', 'outcome', 'scenario', 'from', 'to', 'q', 'batch', 'page'] as const;

export function parseListFilters(raw: RawParams): FilterParse {
  const problems: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const key of SINGLE_KEYS) {
    const value = raw[key];
    const values = typeof value === 'string' ? [value] : (value ?? []);
    if (values.length > 1) problems.push(`${key}: given ${values.length} times; give it once`);
    // An empty field means "any": a GET form sends every field, filled or not.
    const text = values[0]?.trim();
    if (text) fields[key] = text;
  }
  const prev = raw.prev;
  fields.prev = typeof prev === 'string' ? [prev] : [...(prev ?? [])];
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'filters');
      const given = fields[key];
      const shown = typeof given === 'string' && key !== 'page' ? ` (got "${given.slice(0, 40)}")` : '';
      problems.push(`${key}: ${issue.message}${shown}`);
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, filters: parsed.data };
}

/** Filters that Step Functions cannot apply, so the list scans pages to find matches. */
export const narrowsBeyondStatus = (f: ListFilters): boolean =>
  f.outcome !== undefined ||
  f.scenario !== undefined ||
  f.from !== undefined ||
  f.to !== undefined ||
  f.q !== undefined ||
  f.batch !== undefined;

/** The form value of a bound: UTC, to the minute unless it has seconds. */
export function instantText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
}

/** The query string for these filters, keys in one order; `page`/`prev` only when paging. */
export function listQuery(f: ListFilters): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | undefined) => value !== undefined && params.append(key, value);
  put('sm', f.sm);
  put('status', f.status);
  put('outcome', f.outcome);
  put('scenario', f.scenario);
  put('from', f.from === undefined ? undefined : instantText(f.from));
  put('to', f.to === undefined ? undefined : instantText(f.to));
  put('q', f.q);
  put('batch', f.batch);
  for (const token of f.prev) params.append('prev', token);
  put('page', f.page);
  return params.toString();
}

/** The next page: this one's token joins the trail so Previous can come back. */
export function nextPage(f: ListFilters, nextToken: string): ListFilters {
  return { ...f, page: nextToken, prev: f.page === undefined ? f.prev : [...f.prev, f.page].slice(-MAX_TRAIL) };
}

/** The page before this one, or undefined on the first page. */
export function previousPage(f: ListFilters): ListFilters | undefined {
  if (f.page === undefined) return undefined;
  return { ...f, page: f.prev.at(-1), prev: f.prev.slice(0, -1) };
}

/** The first page of these filters. */
export const firstPage = (f: ListFilters): ListFilters => ({ ...f, page: undefined, prev: [] });

/** "1" on the first page; past a full trail the exact number is no longer known. */
export function pageLabel(f: ListFilters): string {
  if (f.page === undefined) return '1';
  return f.prev.length < MAX_TRAIL ? String(f.prev.length + 2) : `${MAX_TRAIL + 2} or later`;
}
