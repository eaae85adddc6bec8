/**
 * For a saga whose rollback broke (COMPENSATION_FAILED): the compensation that failed and
 * the compensations after it that have not run cleanly, in the order a redrive would run
 * them. Pure; by graph roles and edges, never by state names. Only Tasks count, as in the
 * saga outcome: only they undo anything.
 */
import type { AslGraph, GraphNode } from '../asl/types';
import { pathAfter } from './next-path';
import type { ExecutionReading, StateVisit } from './types';

export interface StillToUndo {
  /** the compensation Task whose latest visit failed, with that visit's error */
  failed: { state: string; error?: string; cause?: string; attempts: number };
  /** undo steps (Catch targets) after it along Next edges that have not succeeded, in order */
  remaining: string[];
}

const BROKEN = new Set<StateVisit['status']>(['FAILED', 'CAUGHT', 'ABORTED']);

const isCompensationTask = (n: GraphNode | undefined): n is GraphNode => n?.role === 'compensation' && n.type === 'Task';

export function stillToUndo(graph: AslGraph, reading: ExecutionReading): StillToUndo | undefined {
  if (reading.sagaOutcome !== 'COMPENSATION_FAILED') return undefined;
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  let failed: { node: GraphNode; visit: StateVisit } | undefined;
  for (const node of graph.nodes) {
    if (!isCompensationTask(node)) continue;
    const visit = reading.states[node.id]?.visits.at(-1);
    if (!visit || !BROKEN.has(visit.status)) continue;
    if (!failed || (visit.seq ?? -1) > (failed.visit.seq ?? -1)) failed = { node, visit };
  }
  if (!failed) return undefined;
  // An undo step is what a Catch leads to: a Task that only reports (a failure notice after
  // the rollback) is compensation-side but undoes nothing, so it is not "still to undo".
  const undoSteps = new Set(graph.edges.filter((e) => e.kind === 'catch').map((e) => e.target));
  const remaining = pathAfter(graph, failed.node.id).filter(
    (name) => undoSteps.has(name) && isCompensationTask(nodes.get(name)) && reading.states[name]?.status !== 'SUCCEEDED',
  );
  const { error, cause, attempts } = failed.visit;
  return { failed: { state: failed.node.id, error, cause, attempts }, remaining };
}
