/**
 * The states a run would go through from a state on, if every step succeeds: its Next
 * edge, or a Choice's Default (the only branch known before the run decides), never a
 * Catch. Stops at an end state, a Choice without Default, or a state seen already.
 */
import type { AslGraph } from '../asl/types';

export function pathAfter(graph: AslGraph, from: string): string[] {
  const onward = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.kind === 'next' || edge.kind === 'default') onward.set(edge.source, edge.target);
  }
  const path: string[] = [];
  const seen = new Set([from]);
  for (let next = onward.get(from); next !== undefined && !seen.has(next); next = onward.get(next)) {
    seen.add(next);
    path.push(next);
  }
  return path;
}
