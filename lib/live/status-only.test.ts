import { describe, expect, it } from 'vitest';
import { buildGraph } from '../asl/graph';
import { readExecution } from '../history/read-execution';
import { loadEngineFixtures, loadFixtures } from '../history/testing/fixtures';
import type { ExecutionEvent } from '../sfn/types';
import { statusOnlyStreamUrl, withoutPayloads } from './status-only';

describe('events without payloads (the follow view)', () => {
  it.each([...loadFixtures(), ...loadEngineFixtures()].map((f) => [f.file, f] as const))(
    '%s: reads to the same statuses, edges and outcome',
    (_file, f) => {
      const graph = buildGraph(f.definition);
      const whole = readExecution(f.definition, f.events, graph);
      const slim = readExecution(f.definition, (f.events as ExecutionEvent[]).map(withoutPayloads), graph);
      expect(slim.sagaOutcome).toBe(whole.sagaOutcome);
      expect(slim.executionStatus).toBe(whole.executionStatus);
      expect(slim.edgesRun).toEqual(whole.edgesRun);
      for (const [name, state] of Object.entries(whole.states)) {
        expect({ name, status: slim.states[name]?.status, attempts: slim.states[name]?.attempts }).toEqual({ name, status: state.status, attempts: state.attempts });
      }
    },
  );

  it('drops input, output, parameters and result, and keeps names and errors', () => {
    const entered: ExecutionEvent = { id: 2, timestamp: 1, type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'Pay', input: '{"big":1}' } };
    const failed: ExecutionEvent = { id: 3, timestamp: 2, type: 'LambdaFunctionFailed', lambdaFunctionFailedEventDetails: { error: 'E', cause: 'C' } };
    const scheduled: ExecutionEvent = {
      id: 4, timestamp: 3, type: 'TaskScheduled', taskScheduledEventDetails: { resource: 'invoke', parameters: '{}', region: 'r' },
    };
    expect(withoutPayloads(entered)).toEqual({ id: 2, timestamp: 1, type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'Pay' } });
    expect(withoutPayloads(failed)).toBe(failed);
    expect(withoutPayloads(scheduled).taskScheduledEventDetails).toEqual({ resource: 'invoke', region: 'r' });
    expect(entered.stateEnteredEventDetails).toEqual({ name: 'Pay', input: '{"big":1}' });
  });

  it('asks the shared stream for them', () => {
    expect(statusOnlyStreamUrl('/api/executions/a/stream?sm=x')).toBe('/api/executions/a/stream?sm=x&payloads=none');
    expect(statusOnlyStreamUrl('/api/executions/a/stream')).toBe('/api/executions/a/stream?payloads=none');
  });
});
