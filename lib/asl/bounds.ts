/**
 * The box holding every drawn state, in graph coordinates: what getNodesBounds gives for
 * the top-level nodes (children sit inside their groups). Pure: the server computes it for
 * the image export, the graph for its first fitted view.
 */
import type { LaidOutGraph } from '@/lib/asl/types';

export type GraphBounds = { x: number; y: number; width: number; height: number };

export function graphBounds(layout: Pick<LaidOutGraph, 'nodes'>): GraphBounds {
  const top = layout.nodes.filter((node) => node.parentId === undefined);
  if (top.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const x = Math.min(...top.map((n) => n.x));
  const y = Math.min(...top.map((n) => n.y));
  const right = Math.max(...top.map((n) => n.x + n.width));
  const bottom = Math.max(...top.map((n) => n.y + n.height));
  return { x, y, width: right - x, height: bottom - y };
}
