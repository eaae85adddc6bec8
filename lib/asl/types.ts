/** Framework-free graph model of an ASL definition (nested Parallel/Map included). */

/** Which path of the saga a state is on: the forward steps, or the compensations that undo them. */
export type StateRole = 'forward' | 'compensation';

export type AslStateType = 'Task' | 'Pass' | 'Wait' | 'Choice' | 'Parallel' | 'Map' | 'Succeed' | 'Fail';

/** A plain ASL definition object, as parsed from JSON. */
export interface AslDefinition {
  StartAt: string;
  States: Record<string, Record<string, unknown> & { Type: string }>;
  Comment?: string;
  QueryLanguage?: 'JSONPath' | 'JSONata';
  [key: string]: unknown;
}

export type EdgeKind = 'next' | 'catch' | 'choice' | 'default';

export interface GraphNode {
  /** the state's name; AWS requires names unique across the whole machine */
  id: string;
  type: AslStateType;
  /** enclosing Parallel/Map state, for nested states */
  parentId?: string;
  /** Parallel branch index, for states inside a Parallel */
  branch?: number;
  role: StateRole;
  hasRetry: boolean;
  hasCatch: boolean;
  isStart: boolean;
  isEnd: boolean;
  resource?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Choice condition summary, Catch error list, or "Default" */
  label?: string;
  role: StateRole;
}

export interface AslGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const edgeId = (source: string, target: string, kind: EdgeKind): string => `${source}->${target}:${kind}`;

/** A graph node placed for React Flow: x/y are the top-left corner, relative to `parentId`'s group when nested. */
export interface LaidOutNode extends GraphNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Parallel/Map states are drawn as groups that contain their children. */
  isGroup: boolean;
  /** in a saga's layout: the forward lane, a compensation, or the tail (notification, end states) */
  lane?: SagaLane;
  /** a compensation in a saga's layout: the forward step it undoes */
  undoes?: string;
}

export type SagaLane = 'forward' | 'undo' | 'end';

/** Which side of a node box an edge leaves or enters by. */
export type NodeSide = 'top' | 'bottom' | 'left' | 'right';

/** An edge as laid out: the saga layout says which sides it joins; otherwise it runs bottom to top. */
export interface LaidOutEdge extends GraphEdge {
  sourceSide?: NodeSide;
  targetSide?: NodeSide;
}

export interface LaidOutGraph {
  /** parents come before their children, as React Flow requires */
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
  width: number;
  height: number;
}
