import { describe, expect, it } from 'vitest';
import { indexDefinition } from './definition';
import { findResumePoint } from './resume';

const index = indexDefinition({
  StartAt: 'A',
  States: {
    A: { Type: 'Pass', Next: 'B' },
    B: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:f', Next: 'P' },
    P: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } }] },
  },
});

const entered = (name: string, input: string) => ({ type: 'StateEntered', stateEnteredEventDetails: { name, input } });
const exited = (name: string) => ({ type: 'StateExited', stateExitedEventDetails: { name } });

describe('findResumePoint', () => {
  it('starts at StartAt with the execution input when no state was entered', () => {
    expect(findResumePoint([{ type: 'ExecutionStarted' }], index, '{"x":1}', { rerunComposite: false })).toEqual({
      kind: 'state', stateName: 'A', input: '{"x":1}', continueVisit: false,
    });
  });

  it('continues the open top-level visit with its recorded input', () => {
    const history = [entered('A', '{}'), exited('A'), entered('B', '{"b":1}')];
    expect(findResumePoint(history, index, '{}', { rerunComposite: false })).toEqual({ kind: 'state', stateName: 'B', input: '{"b":1}', continueVisit: true });
  });

  it('ignores nested states and refuses to resume inside a Parallel unless told to rerun it whole', () => {
    const history = [entered('P', '{"p":1}'), entered('Inner', '{"p":1}')];
    expect(findResumePoint(history, index, '{}', { rerunComposite: false }).kind).toBe('impossible');
    expect(findResumePoint(history, index, '{}', { rerunComposite: true })).toMatchObject({ stateName: 'P', input: '{"p":1}', continueVisit: true });
  });
});
