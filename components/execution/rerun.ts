/**
 * What "Run again" starts: the same input under a fresh name. For the saga the order is a
 * new one (a reused order id would hit the records the first run left) and the name keeps
 * the `<scenario>--<orderId>` form; any other machine gets its input back as it was.
 * Pure: the fresh ids are passed in.
 */
import { parseSagaInput } from '@/lib/saga/input';
import { MAX_EXECUTION_NAME, sagaStart } from '@/lib/saga/start';

export type RerunPlan = { ok: true; name: string; input: unknown } | { ok: false; message: string };

/** Earlier reruns' suffix, stripped so names do not grow with every run. */
const RERUN_SUFFIX = /-run-[0-9a-f]{8}$/;

export function planRerun(
  previous: { name: string; input: unknown; isSaga: boolean },
  fresh: { orderId: string; suffix: string },
): RerunPlan {
  if (previous.isSaga) {
    const parsed = parseSagaInput(previous.input);
    // Input the saga refuses cannot run again as a saga; say why rather than start it.
    if (!parsed.ok) return { ok: false, message: `The input cannot be run again: ${parsed.message}` };
    const start = sagaStart(parsed.value, fresh.orderId);
    return start.ok ? { ok: true, name: start.name, input: start.input } : start;
  }
  const tail = `-run-${fresh.suffix}`;
  // Cut by code points, not UTF-16 units: half a surrogate pair is a name no URL can open.
  let base = previous.name.replace(RERUN_SUFFIX, '');
  while (base.length > MAX_EXECUTION_NAME - tail.length) base = Array.from(base).slice(0, -1).join('');
  return { ok: true, name: `${base}${tail}`, input: previous.input };
}
