import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '@/lib/asl/types';
import { withStateNames } from './state-name';

describe('withStateNames', () => {
  it("resolves $$.State.Name to each state's own name, nested states and templates included, and leaves the rest as written", () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'arn', Parameters: { 'stateName.$': '$$.State.Name', 'x.$': '$.x', deep: { 'n.$': '$$.State.Name' }, list: [{ 'n.$': '$$.State.Name' }] }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Parameters: { 'who.$': '$$.State.Name' }, End: true } } }],
          Next: 'M',
        },
        M: { Type: 'Map', ItemSelector: { 'from.$': '$$.State.Name' }, ItemProcessor: { StartAt: 'C', States: { C: { Type: 'Pass', Parameters: { 'me.$': '$$.State.Name' }, End: true } } }, End: true },
      },
    } as unknown as AslDefinition;
    const rewritten = withStateNames(definition) as unknown as { States: Record<string, Record<string, unknown>> };
    expect(rewritten.States.A?.Parameters).toEqual({ stateName: 'A', 'x.$': '$.x', deep: { n: 'A' }, list: [{ n: 'A' }] });
    expect(JSON.stringify(rewritten.States.P)).toContain('"who":"B"');
    expect(rewritten.States.M?.ItemSelector).toEqual({ from: 'M' });
    expect(JSON.stringify(rewritten.States.M)).toContain('"me":"C"');
    // The original is untouched: DescribeStateMachine returns what was written.
    expect((definition.States.A?.Parameters as Record<string, unknown>)['stateName.$']).toBe('$$.State.Name');
  });
});
