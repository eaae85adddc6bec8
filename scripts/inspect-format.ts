/** The inspect CLI's two outputs: one JSON object, or an aligned table for people. */
import type { AslGraph, GraphNode } from '../lib/asl/types';
import type { ExecutionReading } from '../lib/history/types';

interface JsonState {
  status: string;
  attempts?: number;
}

export function formatJson(reading: ExecutionReading, graph: AslGraph): string {
  const states: Record<string, JsonState> = {};
  for (const node of graph.nodes) {
    const s = reading.states[node.id];
    if (!s) continue;
    states[node.id] = s.attempts > 1 ? { status: s.status, attempts: s.attempts } : { status: s.status };
  }
  // Only when redriven, so the common case prints what it always did.
  const redriven = reading.redriveCount ? { redriveCount: reading.redriveCount } : {};
  return JSON.stringify({ executionStatus: reading.executionStatus, sagaOutcome: reading.sagaOutcome, ...redriven, states });
}

function depthOf(node: GraphNode, byId: Map<string, GraphNode>): number {
  let depth = 0;
  for (let p = node.parentId; p !== undefined; p = byId.get(p)?.parentId) depth += 1;
  return depth;
}

/** Nested states are listed under their Parallel/Map, indented, in definition order. */
function treeOrder(graph: AslGraph): GraphNode[] {
  const children = new Map<string | undefined, GraphNode[]>();
  for (const n of graph.nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const out: GraphNode[] = [];
  const visit = (parent: string | undefined) => {
    for (const n of children.get(parent) ?? []) {
      out.push(n);
      visit(n.id);
    }
  };
  visit(undefined);
  return out;
}

export function formatTable(reading: ExecutionReading, graph: AslGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const header = ['STATE', 'TYPE', 'ROLE', 'STATUS', 'ATTEMPTS', 'VISITS'];
  const rows = treeOrder(graph).map((node) => {
    const s = reading.states[node.id];
    return [
      `${'  '.repeat(depthOf(node, byId))}${node.id}`,
      node.type,
      node.role,
      s?.status ?? 'NOT_RUN',
      String(s?.attempts ?? 0),
      String(s?.visits.length ?? 0),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [
    `execution: ${reading.executionStatus}   saga: ${reading.sagaOutcome}   events: ${reading.eventCount}${reading.redriveCount ? `   redrives: ${reading.redriveCount}` : ''}`,
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
