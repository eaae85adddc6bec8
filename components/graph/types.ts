import type { Edge, Node } from '@xyflow/react';
import type { AslStateType, EdgeKind } from '@/lib/asl/types';
import type { StateRole } from '@/lib/asl/types';
import type { StateStatus } from '@/lib/history/types';
import type { StateCounts } from '@/lib/aggregate/summarize';

/** What a state node shows; derived from the graph model plus the execution reading. */
export type StateNodeData = {
  name: string;
  stateType: AslStateType;
  role: StateRole;
  status: StateStatus;
  attempts: number;
  isStart: boolean;
  isEnd: boolean;
  hasRetry: boolean;
  /** the word under the name: "undo", the state type, or nothing */
  caption: string;
  /** the forward step where the saga broke (see to-flow's brokeAt) */
  failedHere: boolean;
  /** a compensation in a saga's layout: the step it undoes */
  undoes?: string;
  /** the latest visit's duration, once known */
  durationMs?: number;
  /** Map states: iterations of the latest visit (or items, for a distributed Map) */
  iterations?: number;
  /** the aggregate view: how many executions left this state in each status, and 0..1 how many went wrong */
  counts?: StateCounts;
  heat?: number;
};

/** A plain state (Task, Pass, Choice, …). */
export type StateFlowNode = Node<StateNodeData, 'state'>;
/** A Parallel or Map state drawn as a container around its branches or iteration. */
export type GroupFlowNode = Node<StateNodeData, 'group-state'>;
export type SagaFlowNode = StateFlowNode | GroupFlowNode;

export type SagaEdgeData = { kind: EdgeKind; role: StateRole; ran: boolean; /** not taken by an execution that has ended */ faded: boolean };
export type SagaFlowEdge = Edge<SagaEdgeData>;
