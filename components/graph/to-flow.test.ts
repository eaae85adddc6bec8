import { describe, expect, it } from 'vitest';
import type { LaidOutGraph } from '@/lib/asl/types';
import type { ExecutionReading } from '@/lib/history/types';
import { toFlowEdges, toFlowNodes } from './to-flow';

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
