import 'server-only';
import { aggregateReader } from '@/lib/aggregate/server';
import type { AggregateSnapshot } from '@/lib/aggregate/reader';
import { selectionFor } from '@/lib/aggregate/selection';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import { firstPage, listQuery, parseListFilters, type ListFilters, type RawParams } from '@/lib/executions/filters';
import { machineArnFor, machineNameOf } from '@/lib/executions/machine';
import { sharePerKey } from '@/lib/live/share-in-flight';
import { errorInfo, sagaStateMachineArn, stepFunctions } from '@/lib/sfn';
import { layoutDefinition } from '@/components/graph/layout';

/** The machine's definition, described once per machine a minute (it changes only by UpdateStateMachine). */
const definitions = sharePerKey<AslDefinition>({ keepMs: 60_000, failureMs: 2_000 });
/**
 * The same layout entry point the execution page uses, laid out once per definition: a
 * minute's fresh describe of an unchanged machine reuses the layout instead of running
 * dagre again inside a page request.
 */
const laidOut = new Map<string, { source: string; layout: LaidOutGraph }>();
async function layoutOf(arn: string): Promise<LaidOutGraph> {
  const definition = await definitions(arn, async () => (await stepFunctions().describeStateMachine(arn)).definition);
  const source = JSON.stringify(definition);
  const known = laidOut.get(arn);
  if (known?.source === source) return known.layout;
  const layout = layoutDefinition(definition);
  laidOut.set(arn, { source, layout });
  return layout;
}

export type AggregateRequest =
  | { kind: 'bad-filters'; problems: string[] }
  | { kind: 'error'; message: string; filters: ListFilters }
  | { kind: 'ok'; filters: ListFilters; query: string; machine: string; snapshot: AggregateSnapshot };

/** The aggregate's filters and machine, from the URL alone (no call): paging fields are ignored, an aggregate covers every match. */
type Target =
  | { kind: 'target'; filters: ListFilters; query: string; arn: string }
  | Extract<AggregateRequest, { kind: 'bad-filters' | 'error' }>;

function targetOf(raw: RawParams): Target {
  const parsed = parseListFilters(raw);
  if (!parsed.ok) return { kind: 'bad-filters', problems: parsed.problems };
  const filters = firstPage(parsed.filters);
  try {
    return { kind: 'target', filters, query: listQuery(filters), arn: machineArnFor(filters.sm, sagaStateMachineArn) };
  } catch (error) {
    return { kind: 'error', message: errorInfo(error).message, filters };
  }
}

const reading = (t: Extract<Target, { kind: 'target' }>, waitMs: number): Promise<AggregateSnapshot> =>
  aggregateReader().request(`${t.arn}?${t.query}`, selectionFor(t.arn, t.filters), waitMs);

/** The machine an aggregate URL names does not exist: said by its name, as the executions list says it. */
const missingMachine = (arn: string): string => `There is no state machine named ${machineNameOf(arn)}. Pick one on the State machines page.`;

export async function loadAggregatePage(raw: RawParams): Promise<AggregateRequest & { layout?: LaidOutGraph }> {
  const t = targetOf(raw);
  if (t.kind !== 'target') return t;
  try {
    // The layout is asked for beside the reading: it is a minute's cache hit, the reading lists anew.
    const [snapshot, layout] = await Promise.all([reading(t, 1_500), layoutOf(t.arn)]);
    return { kind: 'ok', filters: t.filters, query: t.query, machine: machineNameOf(t.arn), snapshot, layout };
  } catch (error) {
    const info = errorInfo(error);
    return { kind: 'error', message: info.kind === 'StateMachineNotFoundError' ? missingMachine(t.arn) : info.message, filters: t.filters };
  }
}

/** What the view polls while a cold read runs, with the status its route answers. */
export async function loadAggregateSnapshot(raw: RawParams): Promise<{ status: 200 | 400 | 404 | 502; snapshot: AggregateSnapshot }> {
  const t = targetOf(raw);
  if (t.kind === 'bad-filters') return { status: 400, snapshot: { state: 'error', message: t.problems.join('; ') } };
  if (t.kind === 'error') return { status: 502, snapshot: { state: 'error', message: t.message } };
  let snapshot: AggregateSnapshot;
  try {
    snapshot = await reading(t, 800);
  } catch (error) {
    return { status: 502, snapshot: { state: 'error', message: errorInfo(error).message } };
  }
  if (snapshot.state !== 'error') return { status: 200, snapshot };
  // A machine that does not exist is a wrong address (404), not a failing service (502).
  return snapshot.kind === 'StateMachineNotFoundError'
    ? { status: 404, snapshot: { ...snapshot, message: missingMachine(t.arn) } }
    : { status: 502, snapshot };
}
