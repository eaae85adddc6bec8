/**
 * Is this machine a saga, read from its structure alone (never from state names)? A saga
 * here is: a forward spine of `Next` steps from StartAt; some spine steps Catch to a
 * compensation of their own (the first step to catch to a state owns it); the owned
 * compensations chain back up the spine by `Next`, latest first; and whatever follows
 * the compensations (a notification, the end states) is the tail. Anything else (a
 * Choice on the spine, nesting, a compensation that jumps the chain, a state no path
 * explains) is not a saga, and the general layout draws it.
 */
import type { AslGraph, GraphEdge } from './types';

export interface SagaShape {
  /** forward steps in execution order, StartAt first: one row each */
  spine: string[];
  /** compensation -> the spine step it undoes (so its row) */
  undoes: Map<string, string>;
  /** states after the compensations (notification, end states), in the order they are reached */
  tail: string[];
}

function outgoing(edges: readonly GraphEdge[]): Map<string, GraphEdge[]> {
  const bySource = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const list = bySource.get(edge.source);
    if (list) list.push(edge);
    else bySource.set(edge.source, [edge]);
  }
  return bySource;
}

/** StartAt, then each state's single `Next`, until a state that ends or branches. */
function spineOf(graph: AslGraph, bySource: Map<string, GraphEdge[]>): string[] | undefined {
  const start = graph.nodes.find((n) => n.isStart && n.parentId === undefined);
  const spine: string[] = [];
  for (let id = start?.id; id !== undefined; ) {
    if (spine.includes(id)) return undefined;
    spine.push(id);
    const plain = (bySource.get(id) ?? []).filter((e) => e.kind !== 'catch');
    if (plain.some((e) => e.kind !== 'next')) return undefined;
    id = plain[0]?.target;
  }
  return spine;
}

export function sagaShape(graph: AslGraph): SagaShape | undefined {
  if (graph.nodes.some((n) => n.parentId !== undefined)) return undefined;
  const bySource = outgoing(graph.edges);
  const spine = spineOf(graph, bySource);
  if (!spine || spine.length < 2) return undefined;
  const onSpine = new Set(spine);

  const undoes = new Map<string, string>();
  for (const step of spine) {
    for (const e of bySource.get(step) ?? []) {
      if (e.kind === 'catch' && !onSpine.has(e.target) && !undoes.has(e.target)) undoes.set(e.target, step);
    }
  }
  if (undoes.size === 0) return undefined;

  // The compensations, latest step's first, must each hand over to the next one up by Next.
  const row = (id: string) => spine.indexOf(undoes.get(id) ?? '');
  const chain = [...undoes.keys()].sort((a, b) => row(b) - row(a));
  for (let i = 0; i + 1 < chain.length; i++) {
    const nexts = (bySource.get(chain[i] as string) ?? []).filter((e) => e.kind === 'next');
    if (nexts.length !== 1 || nexts[0]?.target !== chain[i + 1]) return undefined;
  }

  // The tail: depth first from the compensations, top row first and Next before Catch, so a
  // notification sits directly above the end state it leads to.
  const tail: string[] = [];
  const seen = new Set<string>([...spine, ...undoes.keys()]);
  const visit = (id: string) => {
    const edges = [...(bySource.get(id) ?? [])].sort((a, b) => Number(a.kind === 'catch') - Number(b.kind === 'catch'));
    for (const e of edges) {
      if (seen.has(e.target)) continue;
      seen.add(e.target);
      tail.push(e.target);
      visit(e.target);
    }
  };
  for (const id of [...chain].reverse()) visit(id);
  if (seen.size !== graph.nodes.length) return undefined;

  // Paths only run forward -> compensation -> tail: an edge back would cut across the picture.
  const lane = (id: string) => (onSpine.has(id) ? 0 : undoes.has(id) ? 1 : 2);
  if (graph.edges.some((e) => lane(e.target) < lane(e.source))) return undefined;
  // Within the compensation lane, only the chain's own steps (checked above) go up.
  if (graph.edges.some((e) => lane(e.source) === 1 && lane(e.target) === 1 && row(e.target) >= row(e.source))) return undefined;
  return { spine, undoes, tail };
}
