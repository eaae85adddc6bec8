/**
 * Forward vs compensation, derived from the graph's shape only (never from names):
 * forward = reachable from StartAt without taking a Catch edge (entering a Parallel or
 * Map reaches everything inside it); compensation = reached only through Catch edges.
 * States reachable by no path at all stay forward: nothing marks them as a rollback.
 */
import type { GraphEdge, GraphNode, StateRole } from './types';

function reach(starts: Iterable<string>, next: Map<string, string[]>, blocked: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts].filter((s) => !blocked.has(s));
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next.get(id) ?? []) if (!seen.has(n) && !blocked.has(n)) stack.push(n);
  }
  return seen;
}

export function computeRoles(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, StateRole> {
  const plain = new Map<string, string[]>();
  const all = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, from: string, to: string) => {
    const list = m.get(from);
    if (list) list.push(to);
    else m.set(from, [to]);
  };
  for (const node of nodes) {
    // A container "reaches" the start of each of its branches.
    if (node.parentId !== undefined && node.isStart) {
      add(plain, node.parentId, node.id);
      add(all, node.parentId, node.id);
    }
  }
  const catchTargets: string[] = [];
  for (const edge of edges) {
    add(all, edge.source, edge.target);
    if (edge.kind === 'catch') catchTargets.push(edge.target);
    else add(plain, edge.source, edge.target);
  }
  const topStart = nodes.find((n) => n.parentId === undefined && n.isStart);
  const forward = reach(topStart ? [topStart.id] : [], plain, new Set());
  const compensation = reach(catchTargets, all, forward);
  return new Map(nodes.map((n) => [n.id, compensation.has(n.id) ? 'compensation' : 'forward']));
}
