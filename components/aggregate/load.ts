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

/** The aggregate for these filters: paging fields are ignored, an aggregate covers every match. */
type Read =
  | { kind: 'read'; filters: ListFilters; query: string; arn: string; snapshot: AggregateSnapshot }
  | Extract<AggregateRequest, { kind: 'bad-filters' | 'error' }>;

async function read(raw: RawParams, waitMs: number): Promise<Read> {
  const parsed = parseListFilters(raw);
  if (!parsed.ok) return { kind: 'bad-filters', problems: parsed.problems };
  const filters = firstPage(parsed.filters);
  try {
    const arn = machineArnFor(filters.sm, sagaStateMachineArn);
    const query = listQuery(filters);
    const snapshot = await aggregateReader().request(`${arn}?${query}`, selectionFor(arn, filters), waitMs);
    return { kind: 'read', filters, query, arn, snapshot };
  } catch (error) {
    return { kind: 'error', message: errorInfo(error).message, filters };
  }
}

/** The machine an aggregate URL names does not exist: said by its name, as the executions list says it. */
const missingMachine = (arn: string): string => `There is no state machine named ${machineNameOf(arn)}. Pick one on the State machines page.`;

export async function loadAggregatePage(raw: RawParams): Promise<AggregateRequest & { layout?: LaidOutGraph }> {
  const result = await read(raw, 1_500);
  if (result.kind !== 'read') return result;
  try {
    const layout = await layoutOf(result.arn);
    return { kind: 'ok', filters: result.filters, query: result.query, machine: machineNameOf(result.arn), snapshot: result.snapshot, layout };
  } catch (error) {
    const info = errorInfo(error);
    return { kind: 'error', message: info.kind === 'StateMachineNotFoundError' ? missingMachine(result.arn) : info.message, filters: result.filters };
  }
}

/** What the view polls while a cold read runs, with the status its route answers. */
export async function loadAggregateSnapshot(raw: RawParams): Promise<{ status: 200 | 400 | 404 | 502; snapshot: AggregateSnapshot }> {
  const result = await read(raw, 800);
  if (result.kind === 'bad-filters') return { status: 400, snapshot: { state: 'error', message: result.problems.join('; ') } };
  if (result.kind === 'error') return { status: 502, snapshot: { state: 'error', message: result.message } };
  const { snapshot } = result;
  if (snapshot.state !== 'error') return { status: 200, snapshot };
  // A machine that does not exist is a wrong address (404), not a failing service (502).
  return snapshot.kind === 'StateMachineNotFoundError'
    ? { status: 404, snapshot: { ...snapshot, message: missingMachine(result.arn) } }
    : { status: 502, snapshot };
}
