import { describe, expect, it } from 'vitest';
import { generateMachine } from './generate';
import { buildGraph } from './graph';
import { layoutGraph } from './layout';
import type { AslDefinition, LaidOutNode } from './types';

const nested: AslDefinition = {
  StartAt: 'First',
  States: {
    First: { Type: 'Task', Resource: 'r', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Undo' }], Next: 'Fan' },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'L1', States: { L1: { Type: 'Pass', Next: 'L2' }, L2: { Type: 'Pass', End: true } } },
        { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Task', Resource: 'r', End: true } } }, End: true } } },
        { StartAt: 'R1', States: { R1: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'R2' }], Default: 'R3' }, R2: { Type: 'Succeed' }, R3: { Type: 'Succeed' } } },
      ],
      Next: 'Last',
    },
    Last: { Type: 'Succeed' },
    Undo: { Type: 'Fail' },
  },
};

const overlap = (a: LaidOutNode, b: LaidOutNode) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function check(def: AslDefinition) {
  const laid = layoutGraph(buildGraph(def));
  const byId = new Map(laid.nodes.map((n) => [n.id, n]));
  laid.nodes.forEach((node, i) => {
    for (const v of [node.x, node.y, node.width, node.height]) expect(Number.isFinite(v)).toBe(true);
    if (node.parentId === undefined) return;
    const parent = byId.get(node.parentId) as LaidOutNode;
    // React Flow needs parents first, and relative children that fit inside.
    expect(laid.nodes.indexOf(parent)).toBeLessThan(i);
    expect(parent.isGroup).toBe(true);
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThan(0);
    expect(node.x + node.width).toBeLessThanOrEqual(parent.width);
    expect(node.y + node.height).toBeLessThanOrEqual(parent.height);
  });
  for (const a of laid.nodes) {
    for (const b of laid.nodes) {
      const sameScope = a !== b && a.parentId === b.parentId;
      if (sameScope) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
  return { laid, byId };
}

describe('layoutGraph', () => {
  it('places nested groups with relative children that fit, parents first, no overlaps', () => {
    const { laid, byId } = check(nested);
    expect(laid.nodes).toHaveLength(11);
    expect(byId.get('Fan')?.isGroup).toBe(true);
    expect(byId.get('Each')?.isGroup).toBe(true);
    expect(byId.get('L1')?.isGroup).toBe(false);
  });

  it('draws top to bottom', () => {
    const { byId } = check(nested);
    const below = (a: string, b: string) => (byId.get(b)?.y ?? 0) > (byId.get(a)?.y ?? 0);
    expect(below('First', 'Fan')).toBe(true);
    expect(below('Fan', 'Last')).toBe(true);
    expect(below('L1', 'L2')).toBe(true);
    expect(below('R1', 'R2') && below('R1', 'R3')).toBe(true);
  });

  it('puts Parallel branches side by side', () => {
    const { byId } = check(nested);
    const at = (id: string) => byId.get(id) as LaidOutNode;
    expect(at('L1').x + at('L1').width).toBeLessThanOrEqual(at('Each').x);
    expect(at('Each').x + at('Each').width).toBeLessThanOrEqual(at('R1').x);
  });

  it('lays out a 200-state machine with nesting', () => {
    const { laid } = check(generateMachine(200));
    expect(laid.nodes).toHaveLength(200);
    expect(laid.nodes.filter((n) => n.isGroup).length).toBeGreaterThan(10);
  });

  it('gives the same result on every call (a fresh dagre graph each time)', () => {
    const graph = buildGraph(nested);
    expect(layoutGraph(graph)).toEqual(layoutGraph(graph));
  });
});
