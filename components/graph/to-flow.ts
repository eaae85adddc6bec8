/**
 * Pure mapping from a laid-out graph plus an execution reading to React Flow's nodes and
 * edges. No React here: the graph component only memoizes the result.
 */
import { MarkerType, type NodeHandle, Position } from '@xyflow/react';
import type { LaidOutGraph, LaidOutNode } from '@/lib/asl/types';
import type { ExecutionReading } from '@/lib/history/types';
import { heatOf, type StateCounts } from '@/lib/aggregate/summarize';
import type { SagaFlowEdge, SagaFlowNode } from './types';

/** Plain data (what toFlowNodes/toFlowEdges build) compared by value. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * `next`, with last render's object kept for every node or edge whose content did not
 * change (and last render's list when none did). React Flow compares by identity, so a
 * live event or a click then re-renders only the states it touched, not all of them.
 */
export function keepUnchanged<T extends { id: string }>(previous: T[] | undefined, next: T[]): T[] {
  if (!previous) return next;
  const byId = new Map(previous.map((item) => [item.id, item]));
  const kept = next.map((item) => {
    const old = byId.get(item.id);
    return old !== undefined && sameValue(old, item) ? old : item;
  });
  return kept.length === previous.length && kept.every((item, i) => item === previous[i]) ? previous : kept;
}

/** The catch-all says nothing the dashed compensation style does not already say. */
const edgeLabel = (label: string | undefined) => (label === 'States.ALL' ? undefined : label);

/**
 * Where the saga broke: a forward step that failed, or whose Catch was taken into the
 * compensation path. A caught error that carries on forward (a retry-then-continue, a
 * Catch to the next step) is just CAUGHT, not a break.
 */
function brokeAt(layout: LaidOutGraph, reading: ExecutionReading | undefined): Set<string> {
  const broke = new Set<string>();
  if (!reading) return broke;
  const roleOf = new Map(layout.nodes.map((n) => [n.id, n.role]));
  const ran = new Set(reading.edgesRun);
  for (const node of layout.nodes) {
    const status = reading.states[node.id]?.status;
    if (node.role !== 'forward' || node.isGroup) continue;
    const intoRollback = layout.edges.some(
      (e) => e.source === node.id && e.kind === 'catch' && ran.has(e.id) && roleOf.get(e.target) === 'compensation',
    );
    if (status === 'FAILED' || (status === 'CAUGHT' && intoRollback)) broke.add(node.id);
  }
  return broke;
}

/** The small word under a state's name: "undo" only for a step that undoes another. */
function caption(node: LaidOutNode): string {
  const undo = node.lane ? node.lane === 'undo' : node.role === 'compensation';
  return [undo ? 'undo' : '', node.type === 'Task' ? '' : node.type].filter(Boolean).join(' · ');
}

/** A handle's box (React Flow's base stylesheet: 5 px) and the border of our node boxes (graph.module.css). */
const HANDLE_SIZE = 5;
const NODE_BORDER = 2;

/**
 * Where each handle of a node sits, as React Flow would measure it in the browser: a handle
 * is centred on the inside edge of the box's border. Given up front, the server can draw
 * the edges (it measures nothing), and the browser's measuring then finds the same places,
 * so no edge moves when the page comes alive. Groups have only top-in and bottom-out.
 */
export function handlesOf(node: Pick<LaidOutNode, 'width' | 'height' | 'isGroup'>): NodeHandle[] {
  const half = HANDLE_SIZE / 2;
  const at = {
    top: { position: Position.Top, x: node.width / 2 - half, y: NODE_BORDER - half },
    bottom: { position: Position.Bottom, x: node.width / 2 - half, y: node.height - NODE_BORDER - half },
    left: { position: Position.Left, x: NODE_BORDER - half, y: node.height / 2 - half },
    right: { position: Position.Right, x: node.width - NODE_BORDER - half, y: node.height / 2 - half },
  };
  const handle = (type: 'source' | 'target', side: keyof typeof at): NodeHandle => ({
    id: `${type}-${side}`,
    type,
    ...at[side],
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  });
  if (node.isGroup) return [handle('target', 'top'), handle('source', 'bottom')];
  const sides = ['top', 'bottom', 'left', 'right'] as const;
  return [...sides.map((side) => handle('target', side)), ...sides.map((side) => handle('source', side))];
}

export function toFlowNodes(
  layout: LaidOutGraph,
  reading: ExecutionReading | undefined,
  selectedId: string | undefined,
  counts?: Readonly<Record<string, StateCounts>>,
): SagaFlowNode[] {
  const broke = brokeAt(layout, reading);
  return layout.nodes.map((node) => {
    const state = reading?.states[node.id];
    const lastVisit = state?.visits.at(-1);
    const iterations = node.type === 'Map' ? (lastVisit?.iterationCount ?? lastVisit?.itemCount) : undefined;
    const data = {
      name: node.id,
      stateType: node.type,
      role: state?.role ?? node.role,
      status: state?.status ?? 'NOT_RUN',
      attempts: state?.attempts ?? 0,
      isStart: node.isStart,
      isEnd: node.isEnd,
      hasRetry: node.hasRetry,
      caption: caption(node),
      failedHere: broke.has(node.id),
      ...(node.undoes !== undefined ? { undoes: node.undoes } : {}),
      ...(state?.durationMs !== undefined ? { durationMs: state.durationMs } : {}),
      ...(iterations !== undefined ? { iterations } : {}),
      ...(counts ? { counts: counts[node.id] ?? {}, heat: heatOf(counts[node.id]) } : {}),
    } as const;
    const common = {
      id: node.id,
      position: { x: node.x, y: node.y },
      width: node.width,
      height: node.height,
      handles: handlesOf(node),
      data,
      selected: node.id === selectedId,
      draggable: false,
      connectable: false,
      ariaLabel: `${node.id}: ${data.status.replace('_', ' ').toLowerCase()}${data.failedHere ? ', the saga failed here' : ''}`,
      ...(node.parentId ? { parentId: node.parentId, extent: 'parent' as const } : {}),
    };
    return node.isGroup ? { ...common, type: 'group-state' as const } : { ...common, type: 'state' as const };
  });
}

export function toFlowEdges(layout: LaidOutGraph, reading: ExecutionReading | undefined): SagaFlowEdge[] {
  const ran = new Set(reading?.edgesRun ?? []);
  // While it runs, an edge not taken yet may still be; once it has ended, it was not.
  const ended = reading !== undefined && reading.executionStatus !== 'RUNNING';
  return layout.edges.map((edge) => {
    const didRun = ran.has(edge.id);
    const compensation = edge.role === 'compensation';
    const colour = compensation ? 'var(--compensation)' : didRun ? 'var(--edge-ran)' : 'var(--edge)';
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: 'default',
      sourceHandle: `source-${edge.sourceSide ?? 'bottom'}`,
      targetHandle: `target-${edge.targetSide ?? 'top'}`,
      label: edge.kind === 'next' ? undefined : edgeLabel(edge.label),
      data: { kind: edge.kind, role: edge.role, ran: didRun, faded: ended && !didRun },
      // Taken edges are drawn thick and opaque; the rest recede. Compensation is dashed.
      style: {
        stroke: colour,
        strokeWidth: didRun ? 3.5 : 1.75,
        strokeDasharray: compensation ? '8 6' : undefined,
        opacity: didRun || !reading ? 1 : ended ? 0.14 : 0.45,
      },
      // Sized in pixels, not stroke widths, so heavy (taken) edges keep modest arrowheads.
      markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 18, height: 18, markerUnits: 'userSpaceOnUse' },
      focusable: false,
      zIndex: didRun ? 1 : 0,
    };
  });
}
