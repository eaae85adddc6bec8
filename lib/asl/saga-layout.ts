/**
 * A saga drawn so the picture teaches the pattern: the forward steps down the first lane,
 * each compensation beside the step it undoes (a failed step's Catch is a short line
 * across), the compensation path back up the second lane, and the tail (notification, end
 * states) in a third lane from where the compensations end. Every edge joins sides that
 * face each other, so with the lanes in this order no two edges cross.
 */
import type { SagaShape } from './saga-shape';
import type { AslGraph, LaidOutEdge, LaidOutGraph, LaidOutNode, NodeSide, SagaLane } from './types';

export interface SagaLayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** vertical gap between rows */
  rankSep: number;
  /** horizontal gap between lanes: the length of a Catch edge across */
  laneGap: number;
}

interface Cell {
  lane: SagaLane;
  column: number;
  row: number;
}

function cellsOf(shape: SagaShape): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  shape.spine.forEach((id, row) => cells.set(id, { lane: 'forward', column: 0, row }));
  let top = Infinity;
  for (const [compensation, step] of shape.undoes) {
    const row = shape.spine.indexOf(step);
    top = Math.min(top, row);
    cells.set(compensation, { lane: 'undo', column: 1, row });
  }
  shape.tail.forEach((id, i) => cells.set(id, { lane: 'end', column: 2, row: top + i }));
  return cells;
}

/** The sides an edge joins: down or up within a lane, across between lanes. */
function sides(from: Cell, to: Cell): { sourceSide: NodeSide; targetSide: NodeSide } {
  if (from.column === to.column) {
    return to.row >= from.row ? { sourceSide: 'bottom', targetSide: 'top' } : { sourceSide: 'top', targetSide: 'bottom' };
  }
  return to.column > from.column ? { sourceSide: 'right', targetSide: 'left' } : { sourceSide: 'left', targetSide: 'right' };
}

export function layoutSaga(graph: AslGraph, shape: SagaShape, o: SagaLayoutOptions): LaidOutGraph {
  const cells = cellsOf(shape);
  const nodes: LaidOutNode[] = graph.nodes.map((node) => {
    const cell = cells.get(node.id) ?? { lane: 'end', column: 2, row: 0 };
    const undoes = shape.undoes.get(node.id);
    return {
      ...node,
      x: cell.column * (o.nodeWidth + o.laneGap),
      y: cell.row * (o.nodeHeight + o.rankSep),
      width: o.nodeWidth,
      height: o.nodeHeight,
      isGroup: false,
      lane: cell.lane,
      ...(undoes !== undefined ? { undoes } : {}),
    };
  });
  const edges: LaidOutEdge[] = graph.edges.map((edge) => {
    const from = cells.get(edge.source);
    const to = cells.get(edge.target);
    return from && to ? { ...edge, ...sides(from, to) } : edge;
  });
  const columns = Math.max(...[...cells.values()].map((c) => c.column)) + 1;
  const rows = Math.max(...[...cells.values()].map((c) => c.row)) + 1;
  return {
    nodes,
    edges,
    width: columns * o.nodeWidth + (columns - 1) * o.laneGap,
    height: rows * o.nodeHeight + (rows - 1) * o.rankSep,
  };
}
