/**
 * What a RedriveExecution would do, before anyone clicks: whether it can change anything,
 * and which states it would run again. Pure, from the graph and a reading; decided by the
 * graph's shape and the visits' statuses, never by state names.
 */
import type { AslGraph } from '../asl/types';
import { pathAfter } from './next-path';
import { isRedrivable } from '../core/execution-status';
import type { ExecutionReading, StateVisit } from './types';

export type RedrivePlan =
  | {
      redrivable: true;
      /** the top-level state the redriven run starts in again */
      resumesAt: string;
      /** the states after it along Next/Default edges, in order: what runs if each succeeds */
      path: string[];
    }
  | { redrivable: false; reason: string };

interface LatestVisit {
  state: string;
  visit: StateVisit;
}

/** The top-level state whose latest visit ended the run unfinished (failed, timed out, aborted). */
function unfinished(graph: AslGraph, reading: ExecutionReading): LatestVisit | undefined {
  let found: LatestVisit | undefined;
  for (const node of graph.nodes) {
    if (node.parentId !== undefined) continue;
    const visit = reading.states[node.id]?.visits.at(-1);
    if (visit?.status !== 'FAILED' && visit?.status !== 'ABORTED') continue;
    if (!found || (visit.seq ?? -1) > (found.visit.seq ?? -1)) found = { state: node.id, visit };
  }
  return found;
}

export function redrivePlan(graph: AslGraph, reading: ExecutionReading): RedrivePlan {
  const status = reading.executionStatus;
  if (!isRedrivable(status)) {
    // AWS's own redriveStatusReason wording for finished executions.
    return { redrivable: false, reason: status === 'PENDING_REDRIVE' ? 'A redrive of this execution is already pending' : `Execution is ${status} and cannot be redriven` };
  }
  const stopped = unfinished(graph, reading);
  if (!stopped) {
    const start = graph.nodes.find((n) => n.parentId === undefined && n.isStart);
    const ranNothing = Object.values(reading.states).every((s) => s.visits.length === 0);
    if (ranNothing && start) return { redrivable: true, resumesAt: start.id, path: pathAfter(graph, start.id) };
    return { redrivable: false, reason: 'No state of this execution failed or was interrupted: there is nothing to run again' };
  }
  const node = graph.nodes.find((n) => n.id === stopped.state);
  if (node?.type === 'Fail') {
    // AWS would accept it, but the redriven run enters the same Fail state and fails at once.
    return { redrivable: false, reason: `The execution ended in the Fail state ${stopped.state}: a redrive would enter it again and fail at once, changing nothing` };
  }
  return { redrivable: true, resumesAt: stopped.state, path: pathAfter(graph, stopped.state) };
}
