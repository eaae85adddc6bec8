import { describe, expect, it } from 'vitest';
import { generateMachine } from './generate';
import { buildGraph } from './graph';

describe('generateMachine', () => {
  it.each([12, 50, 200, 333])('makes a valid machine of exactly %i states', (count) => {
    expect(buildGraph(generateMachine(count)).nodes).toHaveLength(count);
  });

  it('nests Parallel and Map two levels deep, with a compensation path', () => {
    const graph = buildGraph(generateMachine(200));
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const depth = (id: string | undefined): number => (id === undefined ? 0 : 1 + depth(byId.get(id)?.parentId));
    expect(Math.max(...graph.nodes.map((n) => depth(n.parentId)))).toBe(2);
    expect(graph.nodes.some((n) => n.type === 'Parallel' && n.parentId !== undefined)).toBe(true);
    expect(graph.nodes.some((n) => n.type === 'Map' && n.parentId !== undefined)).toBe(true);
    expect(graph.nodes.some((n) => n.role === 'compensation' && n.type === 'Task')).toBe(true);
  });
});
