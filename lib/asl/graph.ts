/** ASL definition -> framework-free graph (nodes = states, nested ones included). */
import { choiceLabel } from './choice-label';
import { isRecord } from '../core/values';
import { flattenDefinition, type FlatState } from './flatten';
import { computeRoles } from './roles';
import { edgeId, type AslDefinition, type AslGraph, type EdgeKind, type GraphEdge, type GraphNode } from './types';

type DraftEdge = Omit<GraphEdge, 'role'>;

function collectEdges({ name, state }: FlatState, edges: Map<string, DraftEdge>) {
  const add = (target: unknown, kind: EdgeKind, label?: string) => {
    if (typeof target !== 'string') return;
    const id = edgeId(name, target, kind);
    const existing = edges.get(id);
    // Two rules (or two catchers) leading to the same state share one drawn edge.
    if (existing) existing.label = [existing.label, label].filter(Boolean).join(' or ') || undefined;
    else edges.set(id, { id, source: name, target, kind, label });
  };
  if (typeof state.Next === 'string') add(state.Next, 'next');
  if (Array.isArray(state.Choices)) {
    for (const rule of state.Choices) add(isRecord(rule) ? rule.Next : undefined, 'choice', choiceLabel(rule));
  }
  if (typeof state.Default === 'string') add(state.Default, 'default', 'Default');
  if (Array.isArray(state.Catch)) {
    for (const catcher of state.Catch) {
      if (!isRecord(catcher)) continue;
      const errors = Array.isArray(catcher.ErrorEquals) ? catcher.ErrorEquals.map(String).join(', ') : undefined;
      add(catcher.Next, 'catch', errors);
    }
  }
}

const nonEmptyArray = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/** Throws InvalidDefinitionError for definitions that cannot be drawn (no StartAt, unknown Next target...). */
export function buildGraph(def: AslDefinition): AslGraph {
  const flat = flattenDefinition(def);
  const drafts = new Map<string, DraftEdge>();
  for (const s of flat) collectEdges(s, drafts);
  const nodes: GraphNode[] = flat.map(({ name, state, parentId, branch, isStart }) => ({
    id: name,
    type: state.Type,
    parentId,
    branch,
    role: 'forward',
    hasRetry: nonEmptyArray(state.Retry),
    hasCatch: nonEmptyArray(state.Catch),
    isStart,
    isEnd: state.End === true || state.Type === 'Succeed' || state.Type === 'Fail',
    resource: typeof state.Resource === 'string' ? state.Resource : undefined,
  }));
  const draftEdges = [...drafts.values()];
  const roles = computeRoles(nodes, draftEdges.map((e) => ({ ...e, role: 'forward' })));
  for (const node of nodes) node.role = roles.get(node.id) ?? 'forward';
  const edges: GraphEdge[] = draftEdges.map((e) => ({
    ...e,
    role: e.kind === 'catch' || roles.get(e.target) === 'compensation' ? 'compensation' : 'forward',
  }));
  return { nodes, edges };
}
