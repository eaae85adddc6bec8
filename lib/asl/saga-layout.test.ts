import { describe, expect, it } from 'vitest';
import sagaDefinition from '@/backend/saga/definition.asl.json';
import { buildGraph } from './graph';
import { layoutGraph } from './layout';
import { sagaShape } from './saga-shape';
import type { AslDefinition, LaidOutEdge, LaidOutGraph, LaidOutNode, NodeSide } from './types';

const saga = sagaDefinition as AslDefinition;
const catchAll = (next: string) => [{ ErrorEquals: ['States.ALL'], Next: next }];

type Point = { x: number; y: number };

function anchor(node: LaidOutNode, side: NodeSide | undefined, fallback: 'top' | 'bottom'): Point {
  const at = side ?? fallback;
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  return {
    top: { x: cx, y: node.y },
    bottom: { x: cx, y: node.y + node.height },
    left: { x: node.x, y: cy },
    right: { x: node.x + node.width, y: cy },
  }[at];
}

/** Each edge as the straight segment between the sides it joins. */
function segments(laid: LaidOutGraph): Array<{ edge: LaidOutEdge; a: Point; b: Point }> {
  const byId = new Map(laid.nodes.map((n) => [n.id, n]));
  return laid.edges.map((edge) => ({
    edge,
    a: anchor(byId.get(edge.source) as LaidOutNode, edge.sourceSide, 'bottom'),
    b: anchor(byId.get(edge.target) as LaidOutNode, edge.targetSide, 'top'),
  }));
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Pairs of edges whose segments properly cross (edges that share a state may meet there). */
function crossings(laid: LaidOutGraph): string[] {
  const segs = segments(laid);
  const found: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const p = segs[i]!;
      const q = segs[j]!;
      const shared = [p.edge.source, p.edge.target].some((id) => id === q.edge.source || id === q.edge.target);
      if (shared) continue;
      const d1 = cross(q.a, q.b, p.a);
      const d2 = cross(q.a, q.b, p.b);
      const d3 = cross(p.a, p.b, q.a);
      const d4 = cross(p.a, p.b, q.b);
      if (d1 * d2 < 0 && d3 * d4 < 0) found.push(`${p.edge.id} x ${q.edge.id}`);
    }
  }
  return found;
}

/** Edges whose segment passes through a state box that is not one of its ends. */
function throughBoxes(laid: LaidOutGraph): string[] {
  const found: string[] = [];
  for (const { edge, a, b } of segments(laid)) {
    for (const node of laid.nodes) {
      if (node.id === edge.source || node.id === edge.target) continue;
      for (let t = 0.02; t < 1; t += 0.02) {
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        if (x > node.x && x < node.x + node.width && y > node.y && y < node.y + node.height) {
          found.push(`${edge.id} through ${node.id}`);
          break;
        }
      }
    }
  }
  return found;
}

const at = (laid: LaidOutGraph, id: string) => laid.nodes.find((n) => n.id === id) as LaidOutNode;

describe('the order saga', () => {
  const laid = layoutGraph(buildGraph(saga), { nodeWidth: 252, nodeHeight: 64, nodeSep: 40, rankSep: 44 });

  it('is recognised as a saga from its structure', () => {
    const shape = sagaShape(buildGraph(saga));
    expect(shape?.spine).toEqual(['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify', 'OrderConfirmed']);
    expect(Object.fromEntries(shape?.undoes ?? [])).toEqual({
      CancelOrder: 'CreateOrder',
      InventoryRollback: 'UpdateInventory',
      PaymentRefund: 'ProcessPayment',
    });
    expect(shape?.tail).toEqual(['NotifyFailure', 'SagaRolledBack']);
  });

  it('has no edge crossings, and no edge through a state', () => {
    expect(crossings(laid)).toEqual([]);
    expect(throughBoxes(laid)).toEqual([]);
  });

  it('runs the forward steps down one lane, in order', () => {
    const spine = ['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify', 'OrderConfirmed'].map((id) => at(laid, id));
    expect(new Set(spine.map((n) => n.x)).size).toBe(1);
    for (let i = 1; i < spine.length; i++) expect(spine[i]!.y).toBeGreaterThan(spine[i - 1]!.y);
  });

  it('puts each compensation on the row of the step it undoes, beside it, and the path runs back up', () => {
    for (const [compensation, step] of [
      ['CancelOrder', 'CreateOrder'],
      ['InventoryRollback', 'UpdateInventory'],
      ['PaymentRefund', 'ProcessPayment'],
    ] as const) {
      expect(at(laid, compensation).y, compensation).toBe(at(laid, step).y);
      expect(at(laid, compensation).x).toBeGreaterThan(at(laid, step).x + at(laid, step).width);
      expect(at(laid, compensation).undoes).toBe(step);
    }
    expect(at(laid, 'PaymentRefund').y).toBeGreaterThan(at(laid, 'InventoryRollback').y);
    expect(at(laid, 'InventoryRollback').y).toBeGreaterThan(at(laid, 'CancelOrder').y);
    const up = laid.edges.find((e) => e.source === 'PaymentRefund' && e.target === 'InventoryRollback');
    expect(up).toMatchObject({ sourceSide: 'top', targetSide: 'bottom' });
  });

  it('draws a failed step’s Catch as a short line across to its own compensation', () => {
    const across = laid.edges.find((e) => e.source === 'ProcessPayment' && e.target === 'PaymentRefund');
    expect(across).toMatchObject({ kind: 'catch', sourceSide: 'right', targetSide: 'left' });
    const gap = at(laid, 'PaymentRefund').x - (at(laid, 'ProcessPayment').x + at(laid, 'ProcessPayment').width);
    expect(gap).toBeLessThanOrEqual(at(laid, 'PaymentRefund').width / 2);
  });

  it('puts the notification and end state where the compensation path ends, tagged as the tail, not as undo', () => {
    expect(at(laid, 'NotifyFailure').y).toBe(at(laid, 'CancelOrder').y);
    expect(at(laid, 'NotifyFailure').x).toBeGreaterThan(at(laid, 'CancelOrder').x);
    expect(at(laid, 'SagaRolledBack').y).toBeGreaterThan(at(laid, 'NotifyFailure').y);
    expect(at(laid, 'NotifyFailure').lane).toBe('end');
    expect(at(laid, 'SagaRolledBack').lane).toBe('end');
    expect(at(laid, 'OrderConfirmed').lane).toBe('forward');
    expect(at(laid, 'NotifyFailure').undoes).toBeUndefined();
  });

  it('keeps its shape when Notify states get a Catch to the state they already lead to', () => {
    const states = structuredClone(saga.States);
    states.NotifyFailure = { ...states.NotifyFailure!, Catch: catchAll('SagaRolledBack') };
    states.Notify = { ...states.Notify!, Catch: [...catchAll('PaymentRefund'), ...catchAll('OrderConfirmed')] };
    const hardened = layoutGraph(buildGraph({ ...saga, States: states }));
    expect(hardened.nodes.map((n) => [n.id, n.x, n.y])).toEqual(layoutGraph(buildGraph(saga)).nodes.map((n) => [n.id, n.x, n.y]));
    expect(crossings(hardened)).toEqual([]);
  });
});

describe('other saga-shaped machines', () => {
  it('lays out a saga whose compensations catch to a failure state, without crossings', () => {
    const def: AslDefinition = {
      StartAt: 'Reserve',
      States: {
        Reserve: { Type: 'Task', Resource: 'r', Catch: catchAll('Release'), Next: 'Charge' },
        Charge: { Type: 'Task', Resource: 'r', Catch: catchAll('Refund'), Next: 'Ship' },
        Ship: { Type: 'Task', Resource: 'r', Catch: catchAll('Refund'), Next: 'Done' },
        Done: { Type: 'Succeed' },
        Refund: { Type: 'Task', Resource: 'r', Catch: catchAll('Stuck'), Next: 'Release' },
        Release: { Type: 'Task', Resource: 'r', Catch: catchAll('Stuck'), Next: 'RolledBack' },
        RolledBack: { Type: 'Fail', Error: 'RolledBack' },
        Stuck: { Type: 'Fail', Error: 'CompensationFailed' },
      },
    };
    const laid = layoutGraph(buildGraph(def));
    expect(at(laid, 'Refund').y).toBe(at(laid, 'Charge').y);
    expect(at(laid, 'Release').y).toBe(at(laid, 'Reserve').y);
    expect(crossings(laid)).toEqual([]);
    expect(throughBoxes(laid)).toEqual([]);
  });

  it('leaves a machine with a Choice on its main path to the general layout', () => {
    const def: AslDefinition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'r', Catch: catchAll('UndoA'), Next: 'Pick' },
        Pick: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'B' }], Default: 'C' },
        B: { Type: 'Succeed' },
        C: { Type: 'Succeed' },
        UndoA: { Type: 'Fail' },
      },
    };
    expect(sagaShape(buildGraph(def))).toBeUndefined();
    expect(layoutGraph(buildGraph(def)).nodes.every((n) => n.lane === undefined)).toBe(true);
  });

  it('leaves a machine whose compensations do not chain back up to the general layout', () => {
    const def: AslDefinition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'r', Catch: catchAll('UndoA'), Next: 'B' },
        B: { Type: 'Task', Resource: 'r', Catch: catchAll('UndoB'), End: true },
        UndoA: { Type: 'Task', Resource: 'r', Next: 'UndoB' },
        UndoB: { Type: 'Fail' },
      },
    };
    expect(sagaShape(buildGraph(def))).toBeUndefined();
  });
});
