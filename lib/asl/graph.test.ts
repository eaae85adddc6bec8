import { describe, expect, it } from 'vitest';
import { InvalidDefinitionError } from './errors';
import { buildGraph } from './graph';
import type { AslDefinition } from './types';

const def: AslDefinition = {
  StartAt: 'Check',
  States: {
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.x', NumericEquals: 3, Next: 'Fan' }],
      Default: 'Reject',
    },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A1', States: { A1: { Type: 'Task', Resource: 'arn:fn:a', Retry: [{ ErrorEquals: ['States.ALL'] }], Next: 'A2' }, A2: { Type: 'Pass', End: true } } },
        {
          StartAt: 'Loop',
          States: {
            Loop: { Type: 'Map', Iterator: { StartAt: 'Item', States: { Item: { Type: 'Task', Resource: 'arn:fn:i', End: true } } }, End: true },
          },
        },
      ],
      Catch: [
        { ErrorEquals: ['Payment.Declined', 'States.Timeout'], Next: 'Undo' },
        { ErrorEquals: ['States.ALL'], Next: 'Undo' },
      ],
      Next: 'Ok',
    },
    Ok: { Type: 'Succeed' },
    Reject: { Type: 'Fail', Error: 'Rejected' },
    Undo: { Type: 'Task', Resource: 'arn:fn:undo', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'UndoFailed' }], Next: 'Gone' },
    UndoFailed: { Type: 'Fail' },
    Gone: { Type: 'Fail' },
  },
};

describe('buildGraph', () => {
  const graph = buildGraph(def);
  const node = (id: string) => graph.nodes.find((n) => n.id === id);

  it('has every state, nested Parallel branches and legacy Map Iterators included', () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['A1', 'A2', 'Check', 'Fan', 'Gone', 'Item', 'Loop', 'Ok', 'Reject', 'Undo', 'UndoFailed'].sort());
    expect(node('A1')).toMatchObject({ parentId: 'Fan', branch: 0, isStart: true, hasRetry: true, resource: 'arn:fn:a' });
    expect(node('Loop')).toMatchObject({ parentId: 'Fan', branch: 1, type: 'Map', isEnd: true });
    expect(node('Item')).toMatchObject({ parentId: 'Loop', branch: undefined });
    expect(node('Check')).toMatchObject({ isStart: true, parentId: undefined });
    expect(node('Reject')?.isEnd).toBe(true);
  });

  it('labels Choice rules, Default and Catch edges, one edge per source/target/kind', () => {
    const edges = Object.fromEntries(graph.edges.map((e) => [e.id, e.label]));
    expect(edges).toMatchObject({
      'Check->Fan:choice': '$.x == 3',
      'Check->Reject:default': 'Default',
      'Fan->Undo:catch': 'Payment.Declined, States.Timeout or States.ALL',
      'Fan->Ok:next': undefined,
      'A1->A2:next': undefined,
    });
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('derives compensation from Catch edges only, whatever the names', () => {
    const roles = Object.fromEntries(graph.nodes.map((n) => [n.id, n.role]));
    expect(roles).toMatchObject({ Check: 'forward', Fan: 'forward', A1: 'forward', Item: 'forward', Ok: 'forward', Reject: 'forward' });
    expect(roles).toMatchObject({ Undo: 'compensation', UndoFailed: 'compensation', Gone: 'compensation' });
    const role = (id: string) => graph.edges.find((e) => e.id === id)?.role;
    expect(role('Fan->Undo:catch')).toBe('compensation');
    expect(role('Undo->Gone:next')).toBe('compensation');
    expect(role('Fan->Ok:next')).toBe('forward');
  });

  it('keeps a state reachable both ways forward', () => {
    const g = buildGraph({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'r', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'End' }], Next: 'End' }, End: { Type: 'Succeed' } },
    });
    expect(g.nodes.find((n) => n.id === 'End')?.role).toBe('forward');
  });

  it.each([
    ['no StartAt', { States: { A: { Type: 'Pass', End: true } } }, /has no StartAt/],
    ['StartAt unknown', { StartAt: 'B', States: { A: { Type: 'Pass', End: true } } }, /starts at unknown state "B"/],
    ['unknown Next', { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Z' } } }, /"A" goes to unknown state "Z"/],
    ['Next out of its branch', { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Next: 'P' } } }], End: true } } }, /"In" goes to unknown state "P" \(inside "P"\)/],
    ['unknown Type', { StartAt: 'A', States: { A: { Type: 'Lambda', End: true } } }, /unknown Type "Lambda"/],
    ['neither Next nor End', { StartAt: 'A', States: { A: { Type: 'Pass' } } }, /neither Next nor End/],
    ['duplicate names', { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }], End: true } } }, /"P" is used twice/],
    ['Map without processor', { StartAt: 'M', States: { M: { Type: 'Map', End: true } } }, /ItemProcessor of "M" is not an object/],
    ['Choice without rules', { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [] } } }, /no Choices/],
    ['not an object', 'nope', /is not an object/],
  ])('throws InvalidDefinitionError for %s', (_case, bad, pattern) => {
    expect(() => buildGraph(bad as unknown as AslDefinition)).toThrow(InvalidDefinitionError);
    expect(() => buildGraph(bad as unknown as AslDefinition)).toThrow(pattern);
  });
});
