import 'server-only';
import { aggregateReader } from '@/lib/aggregate/server';
import type { AggregateSnapshot } from '@/lib/aggregate/reader';
import { selectionFor } from '@/lib/aggregate/selection';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import { firstPage, listQuery, parseListFilters, type ListFilters, type RawParams } from '@/lib/executions/filters';
import { machineArnFor } from '@/lib/executions/machine';
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

/** The aggregate's filters, from the URL alone (no call): paging fields are ignored, an aggregate covers every match. */
export type AggregateFilters = { kind: 'bad-filters'; problems: string[] } | { kind: 'filters'; filters: ListFilters; query: string };

export function aggregateFilters(raw: RawParams): AggregateFilters {
  const parsed = parseListFilters(raw);
  if (!parsed.ok) return { kind: 'bad-filters', problems: parsed.problems };
  const filters = firstPage(parsed.filters);
  return { kind: 'filters', filters, query: listQuery(filters) };
}

export type LoadedAggregate = { kind: 'error'; message: string } | { kind: 'ok'; snapshot: AggregateSnapshot; layout: LaidOutGraph };

function reading(filters: ListFilters, query: string, waitMs: number): Promise<AggregateSnapshot> {
  const arn = machineArnFor(filters.sm, sagaStateMachineArn);
  return aggregateReader().request(`${arn}?${query}`, selectionFor(arn, filters), waitMs);
}

/** The reading and the machine's layout, asked for at once: the layout is a minute's cache hit, the reading lists anew. */
export async function loadAggregate(filters: ListFilters, query: string): Promise<LoadedAggregate> {
  try {
    const [snapshot, layout] = await Promise.all([reading(filters, query, 1_500), layoutOf(machineArnFor(filters.sm, sagaStateMachineArn))]);
    return { kind: 'ok', snapshot, layout };
  } catch (error) {
    return { kind: 'error', message: errorInfo(error).message };
  }
}

/** What the view polls while a cold read runs. */
export async function loadAggregateSnapshot(raw: RawParams): Promise<AggregateSnapshot> {
  const request = aggregateFilters(raw);
  if (request.kind === 'bad-filters') return { state: 'error', message: request.problems.join('; ') };
  try {
    return await reading(request.filters, request.query, 800);
  } catch (error) {
    return { state: 'error', message: errorInfo(error).message };
  }
}
