import { describe, expect, it } from 'vitest';
import type { LaidOutGraph } from '@/lib/asl/types';
import type { ExecutionReading } from '@/lib/history/types';
import { keepUnchanged, toFlowEdges, toFlowNodes } from './to-flow';

const node = (id: string, extra: Partial<LaidOutGraph['nodes'][number]> = {}) => ({
  id,
  type: 'Task' as const,
  role: 'forward' as const,
  hasRetry: false,
  hasCatch: false,
  isStart: false,
  isEnd: false,
  x: 0,
  y: 0,
  width: 240,
  height: 72,
  isGroup: false,
  ...extra,
});

const layout: LaidOutGraph = {
  nodes: [node('Pay', { hasCatch: true }), node('Refund', { role: 'compensation' }), node('Group', { type: 'Parallel', isGroup: true }), node('Inner', { parentId: 'Group' })],
  edges: [
    { id: 'Pay->Refund:catch', source: 'Pay', target: 'Refund', kind: 'catch', role: 'compensation', label: 'States.ALL' },
    { id: 'Group->Pay:next', source: 'Group', target: 'Pay', kind: 'next', role: 'forward' },
  ],
  width: 500,
  height: 300,
};

const reading = {
  executionStatus: 'FAILED',
  sagaOutcome: 'COMPENSATED',
  states: {
    Pay: { name: 'Pay', status: 'CAUGHT', attempts: 3, visits: [], role: 'forward' },
    Refund: { name: 'Refund', status: 'SUCCEEDED', attempts: 1, visits: [], role: 'compensation' },
  },
  edgesRun: ['Pay->Refund:catch'],
  eventCount: 10,
} satisfies ExecutionReading;

describe('toFlowNodes', () => {
  it('carries each state status and attempts, and nests children in their group', () => {
    const nodes = toFlowNodes(layout, reading, 'Pay');
    const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
    expect(byId.Pay?.data).toMatchObject({ status: 'CAUGHT', attempts: 3 });
    expect(byId.Pay?.selected).toBe(true);
    expect(byId.Inner?.data.status).toBe('NOT_RUN');
    expect(byId.Inner?.parentId).toBe('Group');
    expect(byId.Group?.type).toBe('group-state');
  });
});

describe('toFlowEdges', () => {
  it('dashes compensation edges and draws the ones that ran heavier', () => {
    const [catchEdge, nextEdge] = toFlowEdges(layout, reading);
    expect(catchEdge?.style?.strokeDasharray).toBeDefined();
    expect(catchEdge?.data).toMatchObject({ ran: true, role: 'compensation' });
    expect(nextEdge?.style?.strokeDasharray).toBeUndefined();
    expect(Number(catchEdge?.style?.strokeWidth)).toBeGreaterThan(Number(nextEdge?.style?.strokeWidth));
  });
});

describe('keepUnchanged', () => {
  it('keeps the drawn object of every state a new reading did not touch', () => {
    const before = toFlowNodes(layout, reading, undefined);
    const payRetried = { ...reading, states: { ...reading.states, Pay: { ...reading.states.Pay, attempts: 4 } } };
    const after = keepUnchanged(before, toFlowNodes(layout, payRetried, undefined));
    expect(after).not.toBe(before);
    expect(after.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual(['Pay']);
    expect(after.find((n) => n.id === 'Pay')?.data.attempts).toBe(4);
  });

  it('keeps the whole list when nothing changed, and takes new or removed items as they are', () => {
    const edges = toFlowEdges(layout, reading);
    expect(keepUnchanged(edges, toFlowEdges(layout, reading))).toBe(edges);
    const fewer = toFlowEdges({ ...layout, edges: layout.edges.slice(1) }, reading);
    expect(keepUnchanged(edges, fewer)).toEqual(fewer);
    expect(keepUnchanged(undefined, fewer)).toBe(fewer);
  });
});
