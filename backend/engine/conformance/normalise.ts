/**
 * The few rewrites that make an engine answer comparable with a LocalStack recording of
 * AWS, each one a convention of the recording, not a difference to hide:
 * - timestamps were recorded as the word "timestamp" and dates as "datetime";
 * - payload strings (input, output, cause, parameters) that began with `{` were parsed;
 *   AWS also echoes the execution input's own spacing in the first states' inputs, so every
 *   JSON payload is compared by value, not by its spacing (`canonicalPayloads`);
 * - the execution role was recorded as "snf_role_arn";
 * - cases recorded through LocalStack's Parallel transformer had each Parallel's branch
 *   events masked (`id: [0]`, `previousEventId: 0`) and sorted by their JSON text, and
 *   lost the ParallelStateSucceeded (the transformer overwrote it); `asParallelRecording`
 *   does the same to the engine's events.
 * Anything else must match exactly.
 */
const PAYLOADS = new Set(['input', 'output', 'cause', 'parameters']);

function parsePayloads(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && PAYLOADS.has(key) && value.startsWith('{')) {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => parsePayloads(v));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, parsePayloads(v, k)]));
  }
  return value;
}

/** An engine history event in LocalStack's recorded form. */
export function recordedForm(event: Record<string, unknown>): Record<string, unknown> {
  const parsed = parsePayloads(event) as Record<string, unknown>;
  const started = parsed.executionStartedEventDetails as Record<string, unknown> | undefined;
  return {
    ...parsed,
    timestamp: 'timestamp',
    ...(started ? { executionStartedEventDetails: { ...started, roleArn: 'snf_role_arn' } } : {}),
  };
}

/** Python's json.dumps with sorted keys: the text LocalStack sorted branch events by. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}: ${pythonJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

const PARALLEL_ENDS = new Set(['ParallelStateSucceeded', 'ParallelStateAborted', 'ParallelStateExited', 'ParallelStateFailed']);

/**
 * The engine's events as the Parallel transformer left a recording (see the file comment):
 * one pass over the list while it is being rewritten, so that, as in the recording, a
 * second end event of the same Parallel overwrites the first.
 */
export function asParallelRecording(input: Record<string, unknown>[]): Record<string, unknown>[] {
  const events = input.map((e) => ({ ...e }));
  const byText = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const [x, y] = [pythonJson(a), pythonJson(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  let start = 0;
  let branch: Record<string, unknown>[] = [];
  let inBranch = false;
  for (const [i, event] of events.entries()) {
    const type = String(event.type);
    if (PARALLEL_ENDS.has(type)) {
      events.splice(start, Math.max(0, i - start), ...[...branch].sort(byText));
      inBranch = false;
    } else if (type === 'ParallelStateStarted') {
      inBranch = true;
      branch = [];
      start = i + 1;
    } else if (inBranch) {
      event.id = [0];
      event.previousEventId = 0;
      branch.push(event);
    }
  }
  return events;
}

/** Every JSON payload string parsed, so spacing is not compared (see the file comment). */
export function canonicalPayloads(events: Record<string, unknown>[]): Record<string, unknown>[] {
  const canon = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string' && key !== undefined && PAYLOADS.has(key)) {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    }
    if (Array.isArray(value)) return value.map((v) => canon(v));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canon(v, k)]));
    return value;
  };
  return events.map((e) => canon(e) as Record<string, unknown>);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces each key of `map` by its value throughout a JSON value's text. */
export function substitute<T>(value: T, map: Record<string, string>): T {
  const keys = Object.keys(map).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return value;
  const pattern = new RegExp(keys.map((k) => escapeRegExp(JSON.stringify(k).slice(1, -1))).join('|'), 'g');
  const lookup = new Map(keys.map((k) => [JSON.stringify(k).slice(1, -1), JSON.stringify(map[k]).slice(1, -1)]));
  return JSON.parse(JSON.stringify(value).replace(pattern, (m) => lookup.get(m) ?? m)) as T;
}

/** LocalStack's mask for the Lambda request id in a "Function not found" cause. */
export const maskRequestIds = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replace(/Request ID: [0-9a-f-]{36}/g, 'Request ID: <request_id>')) as T;

/** Only errorType and errorMessage of every Lambda cause (for functions recorded in another runtime). */
export function lambdaCauseCore(events: Record<string, unknown>[]): Record<string, unknown>[] {
  const core = (value: unknown, key?: string): unknown => {
    if (key === 'cause' && typeof value === 'object' && value !== null && 'errorType' in value) {
      const { errorType, errorMessage } = value as Record<string, unknown>;
      return { errorType, errorMessage };
    }
    if (Array.isArray(value)) return value.map((v) => core(v));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, core(v, k)]));
    return value;
  };
  return events.map((e) => core(e) as Record<string, unknown>);
}
