/**
 * Pure layout: AslGraph -> positioned nodes for React Flow, top to bottom.
 * Nested Parallel/Map states become groups: each group's inner graph is laid out
 * first (bottom-up), so the parent's dagre run already knows the group's size.
 * Child positions are relative to their group (React Flow's `parentId` convention).
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { layoutSaga } from './saga-layout';
import { sagaShape } from './saga-shape';
import type { AslGraph, GraphEdge, GraphNode, LaidOutGraph, LaidOutNode } from './types';

export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  /** horizontal gap between siblings, and between Parallel branches */
  nodeSep?: number;
  /** vertical gap between ranks */
  rankSep?: number;
  /** inner margin of a group */
  groupPadding?: number;
  /** room at the top of a group for its title */
  groupHeader?: number;
}

type Resolved = Required<LayoutOptions>;

const DEFAULTS: Resolved = { nodeWidth: 180, nodeHeight: 44, nodeSep: 40, rankSep: 56, groupPadding: 20, groupHeader: 32 };

interface Block {
  /** the scope's own nodes, positioned relative to the scope's top-left corner */
  own: LaidOutNode[];
  /** everything nested deeper, already relative to their own groups; parents before children */
  descendants: LaidOutNode[];
  width: number;
  height: number;
}

interface Index {
  /** children of a scope ('' = top level), in definition order */
  scopes: Map<string, GraphNode[]>;
  edgesBySource: Map<string, GraphEdge[]>;
}

const scopeKey = (parentId: string | undefined, branch: number | undefined) =>
  parentId === undefined ? '' : `${parentId}#${branch ?? 0}`;

function buildIndex(graph: AslGraph): Index {
  const scopes = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) {
    const key = scopeKey(node.parentId, node.branch);
    const list = scopes.get(key);
    if (list) list.push(node);
    else scopes.set(key, [node]);
  }
  const edgesBySource = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) {
    const list = edgesBySource.get(edge.source);
    if (list) list.push(edge);
    else edgesBySource.set(edge.source, [edge]);
  }
  return { scopes, edgesBySource };
}

/** A group's content: its branches (Parallel) or its processor (Map), side by side. */
function layoutGroup(group: GraphNode, index: Index, o: Resolved): Block {
  const blocks: Block[] = [];
  for (let branch = 0; ; branch++) {
    const members = index.scopes.get(scopeKey(group.id, branch));
    if (!members) break;
    blocks.push(layoutScope(members, index, o));
  }
  const own: LaidOutNode[] = [];
  const descendants: LaidOutNode[] = [];
  let x = o.groupPadding;
  let innerHeight = 0;
  for (const block of blocks) {
    for (const node of block.own) own.push({ ...node, x: node.x + x, y: node.y + o.groupHeader + o.groupPadding });
    descendants.push(...block.descendants);
    x += block.width + o.nodeSep;
    innerHeight = Math.max(innerHeight, block.height);
  }
  const width = Math.max(o.nodeWidth, x - o.nodeSep + o.groupPadding);
  return { own, descendants, width, height: o.groupHeader + innerHeight + 2 * o.groupPadding };
}

/** The edges dagre should see for a scope (see the catch note below), as source -> targets. */
function layoutEdges(members: GraphNode[], index: Index): Array<[string, string]> {
  const pairs = new Map<string, [string, string]>();
  // Catch edges from many forward states to one handler span many ranks, and dagre pays for
  // each rank crossed: only the last catcher (definition order) places the handler. React
  // Flow still draws every edge; dagre only decides where nodes go.
  const catchAnchor = new Map<string, string>();
  for (const node of members) {
    for (const e of index.edgesBySource.get(node.id) ?? []) {
      if (e.kind === 'catch') catchAnchor.set(e.target, e.source);
      else pairs.set(`${e.source}\0${e.target}`, [e.source, e.target]);
    }
  }
  for (const [target, source] of catchAnchor) pairs.set(`${source}\0${target}`, [source, target]);
  return [...pairs.values()];
}

/**
 * A scope that is one straight line (most Parallel branches and Map processors) is laid
 * out directly, centred in a column as dagre would: dagre's fixed cost per run is ~1 ms.
 */
function chainOrder(members: GraphNode[], edges: Array<[string, string]>): string[] | undefined {
  if (edges.length !== members.length - 1) return undefined;
  const next = new Map<string, string>();
  const hasIncoming = new Set<string>();
  for (const [source, target] of edges) {
    if (next.has(source) || hasIncoming.has(target) || source === target) return undefined;
    next.set(source, target);
    hasIncoming.add(target);
  }
  const start = members.find((n) => !hasIncoming.has(n.id));
  const order: string[] = [];
  for (let id = start?.id; id !== undefined && order.length <= members.length; id = next.get(id)) order.push(id);
  return order.length === members.length ? order : undefined;
}

function layoutScope(members: GraphNode[], index: Index, o: Resolved): Block {
  const inner = new Map<string, Block>();
  const size = new Map<string, { width: number; height: number }>();
  for (const node of members) {
    const block = node.type === 'Parallel' || node.type === 'Map' ? layoutGroup(node, index, o) : undefined;
    if (block) inner.set(node.id, block);
    size.set(node.id, { width: block?.width ?? o.nodeWidth, height: block?.height ?? o.nodeHeight });
  }
  const edges = layoutEdges(members, index);
  const placed = placeInColumns(members, edges, size, o);
  const own: LaidOutNode[] = [];
  const descendants: LaidOutNode[] = [];
  for (const node of members) {
    const { x, y } = placed.positions.get(node.id) ?? { x: 0, y: 0 };
    const { width, height } = size.get(node.id) ?? { width: o.nodeWidth, height: o.nodeHeight };
    const block = inner.get(node.id);
    own.push({ ...node, x, y, width, height, isGroup: block !== undefined });
    if (block) descendants.push(...block.own, ...block.descendants);
  }
  return { own, descendants, width: placed.width, height: placed.height };
}

interface Placement {
  /** top-left corners */
  positions: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

type Sizes = Map<string, { width: number; height: number }>;

const place = (members: GraphNode[], edges: Array<[string, string]>, size: Sizes, o: Resolved): Placement =>
  placeChain(members, edges, size, o) ?? placeWithDagre(members, edges, size, o);

/**
 * A saga reads best as two columns: the forward path as a straight spine, and the
 * compensation path beside it, both top to bottom. Laid out together, dagre ranks each
 * handler below its latest catcher, which stretches the graph and crosses every edge.
 * So each role is placed on its own and the compensation column goes to the right; the
 * catch edges between them are drawn by React Flow, not placed.
 */
function placeInColumns(members: GraphNode[], edges: Array<[string, string]>, size: Sizes, o: Resolved): Placement {
  const compensation = new Set(members.filter((n) => n.role === 'compensation').map((n) => n.id));
  if (compensation.size === 0 || compensation.size === members.length) return place(members, edges, size, o);
  const within = (inSet: boolean) => edges.filter(([s, t]) => compensation.has(s) === inSet && compensation.has(t) === inSet);
  const forward = place(members.filter((n) => !compensation.has(n.id)), within(false), size, o);
  const undo = place(members.filter((n) => compensation.has(n.id)), within(true), size, o);
  const offset = forward.width + 2 * o.nodeSep;
  const positions = new Map(forward.positions);
  for (const [id, p] of undo.positions) positions.set(id, { x: p.x + offset, y: p.y });
  return { positions, width: offset + undo.width, height: Math.max(forward.height, undo.height) };
}

function placeChain(members: GraphNode[], edges: Array<[string, string]>, size: Sizes, o: Resolved): Placement | undefined {
  const order = chainOrder(members, edges);
  if (!order) return undefined;
  const width = Math.max(...order.map((id) => size.get(id)?.width ?? o.nodeWidth));
  const positions = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const id of order) {
    const s = size.get(id) ?? { width: o.nodeWidth, height: o.nodeHeight };
    positions.set(id, { x: (width - s.width) / 2, y });
    y += s.height + o.rankSep;
  }
  return { positions, width, height: y - o.rankSep };
}

function placeWithDagre(members: GraphNode[], edges: Array<[string, string]>, size: Sizes, o: Resolved): Placement {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: 'TB', nodesep: o.nodeSep, ranksep: o.rankSep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of members) g.setNode(node.id, { ...(size.get(node.id) ?? { width: o.nodeWidth, height: o.nodeHeight }) });
  for (const [source, target] of edges) g.setEdge(source, target);
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of members) {
    const { x = 0, y = 0, width, height } = g.node(node.id);
    // dagre gives centres; React Flow wants top-left corners.
    positions.set(node.id, { x: x - width / 2, y: y - height / 2 });
  }
  const label = g.graph();
  return { positions, width: label.width ?? 0, height: label.height ?? 0 };
}

export function layoutGraph(graph: AslGraph, opts: LayoutOptions = {}): LaidOutGraph {
  const o: Resolved = { ...DEFAULTS, ...opts };
  // A saga gets the picture that teaches it; any other machine the general layout.
  const saga = sagaShape(graph);
  if (saga) return layoutSaga(graph, saga, { ...o, laneGap: 2 * o.nodeSep });
  const index = buildIndex(graph);
  const top = index.scopes.get('') ?? [];
  if (top.length === 0) return { nodes: [], edges: graph.edges, width: 0, height: 0 };
  const block = layoutScope(top, index, o);
  return { nodes: [...block.own, ...block.descendants], edges: graph.edges, width: block.width, height: block.height };
}
