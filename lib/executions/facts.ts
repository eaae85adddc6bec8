/**
 * What the executions list shows beyond ListExecutions: the saga outcome and the step an
 * execution is at (running) or went wrong at (failed, caught, aborted). Pure: derived
 * from the definition and the history through readExecution, the same reading the
 * execution page draws, so the list and the page never disagree.
 */
import type { ScenarioCode } from '@/lib/saga/scenarios';
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition, AslGraph, AslStateType } from '@/lib/asl/types';
import { readExecution } from '@/lib/history/read-execution';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import type { HistoryEvent, SagaOutcome, StateReading, StateStatus } from '@/lib/history/types';

export type StepMark = { name: string; status: StateStatus };

/** The saga's order behind an execution, when its input is one the saga accepts. */
export type OrderFacts = { orderId: string; scenario: ScenarioCode };

export interface ExecutionFacts {
  /** as the history tells it; may be ahead of the ListExecutions page it came with */
  status: ExecutionStatus;
  outcome: SagaOutcome;
  /** the running step, or the first step that went wrong; none for a clean success */
  step?: StepMark;
  stoppedAt?: number;
  order?: OrderFacts;
}

const WENT_WRONG: ReadonlySet<StateStatus> = new Set(['CAUGHT', 'FAILED', 'ABORTED']);

/**
 * Which failing state names the failure best. The Task that failed says more than the
 * Parallel/Map that contains it, and both say more than the Fail state the saga ends in.
 */
const BLAME_RANK: Record<AslStateType, number> = {
  Task: 0,
  Pass: 0,
  Wait: 0,
  Choice: 0,
  Succeed: 0,
  Parallel: 1,
  Map: 1,
  Fail: 2,
};

const byEntry = (a: StateReading, b: StateReading) => (a.enteredAt ?? Infinity) - (b.enteredAt ?? Infinity);

function stepOf(states: readonly StateReading[], types: ReadonlyMap<string, AslStateType>, status: ExecutionStatus): StepMark | undefined {
  if (status === 'RUNNING') {
    // The innermost running state was entered last (a Map runs inside its iteration's states).
    const running = states.filter((s) => s.status === 'RUNNING').sort(byEntry).at(-1);
    return running && { name: running.name, status: running.status };
  }
  const rank = (s: StateReading) => BLAME_RANK[types.get(s.name) ?? 'Task'];
  const blamed = states
    .filter((s) => WENT_WRONG.has(s.status))
    .sort((a, b) => rank(a) - rank(b) || byEntry(a, b))
    .at(0);
  return blamed && { name: blamed.name, status: blamed.status };
}

/** `orderOf` reads the order from the execution input; machines other than the saga have none. */
export function factsOf(
  definition: AslDefinition,
  events: readonly HistoryEvent[],
  graph: AslGraph = buildGraph(definition),
  orderOf: (input: unknown) => OrderFacts | undefined = () => undefined,
): ExecutionFacts {
  const reading = readExecution(definition, events, graph);
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const step = stepOf(Object.values(reading.states), types, reading.executionStatus);
  const order = orderOf(reading.input);
  return {
    ...(order ? { order } : {}),
    status: reading.executionStatus,
    outcome: reading.sagaOutcome,
    ...(step ? { step } : {}),
    ...(reading.stoppedAt === undefined ? {} : { stoppedAt: reading.stoppedAt }),
  };
}
