import { describe, expect, it } from 'vitest';
import type { AslDefinition } from '../asl/types';
import { dataPathOf } from './data-path';
import { loadFixtures } from './testing/fixtures';
import { readExecution } from './read-execution';
import { TestHistory } from './testing/test-history';

/** Shaped like the saga's steps: Parameters around the input, the result kept under $.results. */
const saga: AslDefinition = {
  StartAt: 'Pay',
  States: {
    Pay: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:000000000000:function:pay',
      Parameters: { 'payload.$': '$' },
      ResultPath: '$.results.payment',
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.errors.payment', Next: 'Refund' }],
      Next: 'Done',
    },
    Refund: { Type: 'Pass', End: true },
    Done: { Type: 'Succeed' },
  },
};

const run = (last: 'ok' | 'fail') => {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{"orderId":"o-1"}' }, 0);
  h.add('TaskStateEntered', { name: 'Pay', input: '{"orderId":"o-1"}' });
  h.add('LambdaFunctionScheduled', { resource: 'pay', input: '{"payload":{"orderId":"o-1"}}' });
  h.add('LambdaFunctionStarted');
  if (last === 'ok') {
    h.add('LambdaFunctionSucceeded', { output: '{"charged":12}' });
    h.add('TaskStateExited', { name: 'Pay', output: '{"orderId":"o-1","results":{"payment":{"charged":12}}}' });
  } else {
    h.add('LambdaFunctionFailed', { error: 'PaymentFailed', cause: 'declined' });
    h.add('TaskStateExited', {
      name: 'Pay',
      output: '{"orderId":"o-1","errors":{"payment":{"Error":"PaymentFailed","Cause":"declined"}}}',
    });
  }
  return readExecution(saga, h.events).states.Pay;
};

describe('dataPathOf', () => {
  it('follows a successful Task from input to output, with the definition beside each value', () => {
    const pay = run('ok');
    expect(pay && dataPathOf(saga, pay)).toEqual([
      { kind: 'input', label: 'State input', recorded: true, value: { orderId: 'o-1' } },
      {
        kind: 'parameters',
        label: 'Parameters',
        recorded: true,
        value: { payload: { orderId: 'o-1' } },
        expression: { 'payload.$': '$' },
        note: undefined,
      },
      { kind: 'result', label: 'Result', recorded: true, value: { charged: 12 }, expression: undefined, note: undefined },
      {
        kind: 'result-path',
        label: 'ResultPath',
        recorded: true,
        expression: '$.results.payment',
        note: '$.results.payment: the result is placed there in the input',
      },
      {
        kind: 'output',
        label: 'State output',
        recorded: true,
        value: { orderId: 'o-1', results: { payment: { charged: 12 } } },
      },
    ]);
  });

  it('a caught failure: the error output goes where the Catch rule says', () => {
    const pay = run('fail');
    const steps = pay && dataPathOf(saga, pay);
    expect(steps?.find((s) => s.kind === 'result')).toMatchObject({
      label: 'Error output',
      value: { Error: 'PaymentFailed', Cause: 'declined' },
      note: 'caught by Catch → Refund',
    });
    expect(steps?.find((s) => s.kind === 'result-path')).toMatchObject({ expression: '$.errors.payment' });
  });

  it('reads an AWS-recorded lambda:invoke caught by States.TaskFailed, default ResultPath', () => {
    const fixture = loadFixtures().find((f) => f.file.startsWith('04_'));
    if (!fixture) throw new Error('fixture 04 missing');
    const start = readExecution(fixture.definition, fixture.events).states.Start;
    const steps = start && dataPathOf(fixture.definition, start);
    expect(steps?.map((s) => [s.kind, s.recorded])).toEqual([
      ['input', true],
      ['parameters', true],
      ['result', true],
      ['result-path', true],
      ['output', true],
    ]);
    expect(steps?.[1]?.value).toEqual({ FunctionName: '<lambda_function_name>', Payload: null });
    expect(steps?.[2]?.note).toBe('caught by Catch → EndWithStateTaskFailedHandler');
    expect(steps?.[3]).toMatchObject({ expression: '$', note: '$ (default): the result replaces the input' });
  });

  it('says what the history lacks instead of guessing, and skips states that are not Tasks', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.add('TaskStateEntered', { name: 'Pay', input: '{}' });
    const reading = readExecution(saga, h.events);
    const steps = reading.states.Pay && dataPathOf(saga, reading.states.Pay);
    expect(steps?.find((s) => s.kind === 'parameters')).toMatchObject({ recorded: false, expression: { 'payload.$': '$' } });
    expect(steps?.find((s) => s.kind === 'output')?.recorded).toBe(false);
    expect(reading.states.Done && dataPathOf(saga, reading.states.Done)).toBeUndefined();
  });

  it('JSONata states show Arguments and the Output expression', () => {
    const def: AslDefinition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Pay',
      States: { Pay: { Type: 'Task', Resource: 'fn', Arguments: { id: '{% $states.input.id %}' }, End: true } },
    };
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{"id":1}' }, 0);
    h.task('Pay');
    const pay = readExecution(def, h.events).states.Pay;
    expect(pay && dataPathOf(def, pay)?.map((s) => s.label)).toEqual([
      'State input',
      'Arguments',
      'Result',
      'Output',
      'State output',
    ]);
  });
});
