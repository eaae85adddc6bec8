import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import type { ExecutionReading } from '@/lib/history/types';
import { layoutDefinition } from './layout';
import { handlesOf, keepUnchanged, toFlowEdges, toFlowNodes } from './to-flow';

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

describe('where the saga broke', () => {
  it('marks the forward step whose Catch led into the rollback, and no other', () => {
    const nodes = toFlowNodes(layout, reading, undefined);
    expect(nodes.find((n) => n.id === 'Pay')?.data.failedHere).toBe(true);
    expect(nodes.find((n) => n.id === 'Refund')?.data.failedHere).toBe(false);
  });

  it('does not mark a caught error whose Catch did not run into a compensation', () => {
    const notTaken = { ...reading, edgesRun: [] };
    expect(toFlowNodes(layout, notTaken, undefined).find((n) => n.id === 'Pay')?.data.failedHere).toBe(false);
  });

  it('tags only a compensation that undoes a step as "undo", not the saga’s tail', () => {
    const saga: LaidOutGraph = {
      ...layout,
      nodes: [
        node('Refund', { role: 'compensation', lane: 'undo', undoes: 'Pay' }),
        node('Tell', { role: 'compensation', lane: 'end' }),
        node('RolledBack', { role: 'compensation', lane: 'end', type: 'Fail' }),
      ],
      edges: [],
    };
    const captions = Object.fromEntries(toFlowNodes(saga, undefined, undefined).map((n) => [n.id, n.data.caption]));
    expect(captions).toEqual({ Refund: 'undo', Tell: '', RolledBack: 'Fail' });
  });
});

describe('edges once an execution has ended', () => {
  it('fades the edges not taken, and keeps every edge plain in the definition view', () => {
    const [, notTaken] = toFlowEdges(layout, reading);
    expect(notTaken?.data?.faded).toBe(true);
    expect(Number(notTaken?.style?.opacity)).toBeLessThan(0.2);
    const running = toFlowEdges(layout, { ...reading, executionStatus: 'RUNNING' });
    expect(running[1]?.data?.faded).toBe(false);
    for (const edge of toFlowEdges(layout, undefined)) expect(edge.style?.opacity).toBe(1);
  });

  it('joins the sides the layout chose, top-to-bottom by default', () => {
    const sided = { ...layout, edges: [{ ...layout.edges[0]!, sourceSide: 'right' as const, targetSide: 'left' as const }, layout.edges[1]!] };
    const [across, down] = toFlowEdges(sided, reading);
    expect([across?.sourceHandle, across?.targetHandle]).toEqual(['source-right', 'target-left']);
    expect([down?.sourceHandle, down?.targetHandle]).toEqual(['source-bottom', 'target-top']);
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

describe('handles given up front, so the server can draw every edge', () => {
  it('gives every edge of the saga both its handles, on the sides the layout chose', () => {
    const saga = layoutDefinition(JSON.parse(readFileSync('backend/saga/definition.asl.json', 'utf8')) as AslDefinition);
    const handles = new Map(toFlowNodes(saga, undefined, undefined).map((n) => [n.id, new Set(n.handles?.map((h) => `${h.type}:${h.id ?? ''}`))]));
    const missing = toFlowEdges(saga, undefined).filter(
      (e) => !handles.get(e.source)?.has(`source:${e.sourceHandle ?? ''}`) || !handles.get(e.target)?.has(`target:${e.targetHandle ?? ''}`),
    );
    expect(missing.map((e) => e.id)).toEqual([]);
  });

  it('centres each handle on its side of the box, as React Flow measures it in the browser', () => {
    const byId = Object.fromEntries(handlesOf({ width: 240, height: 72, isGroup: false }).map((h) => [h.id, h]));
    // A 5 px handle centred on the inside of a 2 px border: its outer edge half a pixel out.
    expect(byId['target-top']).toMatchObject({ x: 117.5, y: -0.5, width: 5, height: 5 });
    expect(byId['source-bottom']).toMatchObject({ x: 117.5, y: 67.5 });
    expect(byId['source-right']).toMatchObject({ x: 235.5, y: 33.5 });
    expect(byId['target-left']).toMatchObject({ x: -0.5, y: 33.5 });
    expect(handlesOf({ width: 400, height: 300, isGroup: true }).map((h) => h.id)).toEqual(['target-top', 'source-bottom']);
  });
});
