/**
 * The runs recorded as engine fixtures: the saga once per saga outcome, and redriven runs
 * (the saga stopped mid-step, and small machines that fail or time out only before their
 * first redrive), with what each must read as. The expectations come from the definitions
 * (which Catch leads where, how many tries a Retry allows, what a redrive re-runs), not
 * from the reader they are there to test.
 */
import { testLambdaArn } from '../backend/engine/testing/test-engine';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';
import type { SagaInputFields } from '@/lib/saga/input';
import type { AslDefinition } from '../lib/asl/types';
import type { ExecutionStatus } from '../lib/core/execution-status';
import type { SagaOutcome, StateStatus } from '../lib/history/types';

/**
 * How a recording ends: the execution runs to its end, is stopped while `step` runs, or
 * its history is read while `step` runs (the execution is stopped only afterwards).
 */
export type Ending = { kind: 'end' } | { kind: 'stop' | 'cut'; step: string };

export interface EngineScenario {
  /** file name under lib/history/fixtures/engine, and the execution's name */
  name: string;
  features: string[];
  input: SagaInputFields;
  /** a machine made with CreateStateMachine for this run; the saga when absent */
  machine?: { name: string; definition: AslDefinition };
  ending: Ending;
  /** redrive once the ending is reached, after it has left the execution in this status, and run to the end */
  redriveFrom?: ExecutionStatus;
  expected: {
    executionStatus: ExecutionStatus;
    sagaOutcome: SagaOutcome;
    /** the states entered; every other state of the definition is NOT_RUN */
    entered: Record<string, { status: StateStatus; attempts?: number }>;
  };
}

/**
 * Test Lambdas for the redrive machines: each misbehaves only while the execution has not
 * been redriven, as a fixed outage would. They read `$$.Execution.RedriveCount`, passed in
 * by the state's Parameters, so the redriven run gets the same recorded input and still
 * behaves differently.
 */
export const FAILS_UNTIL_REDRIVEN = testLambdaArn('fails-until-redriven');
export const HANGS_UNTIL_REDRIVEN = testLambdaArn('hangs-until-redriven');

const redriveCountOf = (event: unknown): number =>
  typeof event === 'object' && event !== null && 'redriveCount' in event && typeof event.redriveCount === 'number' ? event.redriveCount : 0;

export const REDRIVE_LAMBDAS: Record<string, (event: unknown) => Promise<unknown>> = {
  [FAILS_UNTIL_REDRIVEN]: async (event) => {
    if (redriveCountOf(event) === 0) throw Object.assign(new Error('The provider is down (until the first redrive)'), { name: 'ProviderDown' });
    return { charged: true };
  },
  // Never answers before a redrive: the execution's TimeoutSeconds ends it.
  [HANGS_UNTIL_REDRIVEN]: (event) => (redriveCountOf(event) === 0 ? new Promise(() => undefined) : Promise.resolve({ answered: true })),
};

/** Prepare (Pass) -> Call (Task over `resource`, no Retry, no Catch) -> Done (Succeed). */
const oneCall = (resource: string, extra: Partial<AslDefinition> = {}): AslDefinition => ({
  Comment: 'A Task that misbehaves until the execution is redriven; nothing catches it.',
  StartAt: 'Prepare',
  ...extra,
  States: {
    Prepare: { Type: 'Pass', Result: { ready: true }, ResultPath: '$.prepared', Next: 'Call' },
    Call: { Type: 'Task', Resource: resource, Parameters: { 'redriveCount.$': '$$.Execution.RedriveCount' }, ResultPath: '$.call', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
});

function presetInput(id: string): SagaInputFields {
  const preset = SAGA_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no saga preset "${id}"`);
  return preset.input;
}

const SUCCEEDED = { status: 'SUCCEEDED' } as const;
const FORWARD_DONE = { CreateOrder: SUCCEEDED, UpdateInventory: SUCCEEDED } as const;
/** The forward steps ran, and the payment failed into the compensation chain. */
const PAYMENT_CAUGHT = { ...FORWARD_DONE, ProcessPayment: { status: 'CAUGHT' } } as const;

/** Every forward step succeeded. */
const SAGA_COMPLETED: EngineScenario['expected'] = {
  executionStatus: 'SUCCEEDED',
  sagaOutcome: 'COMPLETED',
  entered: { ...FORWARD_DONE, ProcessPayment: SUCCEEDED, Notify: SUCCEEDED, OrderConfirmed: SUCCEEDED },
};

/** The payment failed and the whole rollback ran, ending at the SagaRolledBack Fail state. */
const SAGA_COMPENSATED: EngineScenario['expected'] = {
  executionStatus: 'FAILED',
  sagaOutcome: 'COMPENSATED',
  entered: {
    ...PAYMENT_CAUGHT,
    PaymentRefund: SUCCEEDED,
    InventoryRollback: SUCCEEDED,
    CancelOrder: SUCCEEDED,
    NotifyFailure: SUCCEEDED,
    SagaRolledBack: { status: 'FAILED' },
  },
};

/** The slow saga was stopped (ABORTED) or read (RUNNING) while UpdateInventory ran. */
const haltedInUpdateInventory = (status: 'ABORTED' | 'RUNNING'): EngineScenario['expected'] => ({
  executionStatus: status,
  sagaOutcome: status,
  entered: { CreateOrder: SUCCEEDED, UpdateInventory: { status } },
});

export const ENGINE_SCENARIOS: readonly EngineScenario[] = [
  {
    name: 'completed_happy_path',
    features: ['saga preset "happy"', 'Lambda direct ARN resources', 'Succeed state', 'saga COMPLETED'],
    input: presetInput('happy'),
    ending: { kind: 'end' },
    expected: SAGA_COMPLETED,
  },
  {
    name: 'compensated_payment_fails',
    features: ['saga preset "fail-payment"', 'business error, not retried', 'Catch into the compensation chain', 'Fail state SagaRolledBack', 'saga COMPENSATED'],
    input: presetInput('fail-payment'),
    ending: { kind: 'end' },
    expected: SAGA_COMPENSATED,
  },
  {
    name: 'compensation_failed_refund_fails',
    features: ['saga preset "fail-refund"', 'a compensation refused (not retried)', 'uncaught failure of a compensation: the execution fails at it', 'saga COMPENSATION_FAILED'],
    input: presetInput('fail-refund'),
    ending: { kind: 'end' },
    expected: {
      executionStatus: 'FAILED',
      sagaOutcome: 'COMPENSATION_FAILED',
      entered: { ...PAYMENT_CAUGHT, PaymentRefund: { status: 'FAILED' } },
    },
  },
  {
    name: 'redriven_after_compensation_failure',
    features: ['saga preset "fail-refund"', 'PaymentRefund fails uncaught on the first run', 'RedriveExecution resumes at PaymentRefund', 'the rest of the rollback runs', 'saga COMPENSATED'],
    input: presetInput('fail-refund'),
    ending: { kind: 'end' },
    redriveFrom: 'FAILED',
    expected: SAGA_COMPENSATED,
  },
  {
    name: 'aborted_stopped_during_slow_step',
    features: ['saga preset "slow" (latencyMs 1500)', 'StopExecution while UpdateInventory runs', 'ExecutionAborted', 'saga ABORTED'],
    input: presetInput('slow'),
    ending: { kind: 'stop', step: 'UpdateInventory' },
    expected: haltedInUpdateInventory('ABORTED'),
  },
  {
    name: 'running_cut_during_slow_step',
    features: ['saga preset "slow" (latencyMs 1500)', 'history read while UpdateInventory runs', 'no terminal event', 'saga RUNNING'],
    input: presetInput('slow'),
    ending: { kind: 'cut', step: 'UpdateInventory' },
    expected: haltedInUpdateInventory('RUNNING'),
  },
  {
    name: 'redriven_after_abort',
    features: ['saga preset "slow" (latencyMs 1500)', 'StopExecution while UpdateInventory runs', 'ExecutionAborted', 'RedriveExecution', 'ExecutionRedriven', 'UpdateInventory continues without a new TaskStateEntered', 'saga COMPLETED'],
    input: presetInput('slow'),
    ending: { kind: 'stop', step: 'UpdateInventory' },
    redriveFrom: 'ABORTED',
    expected: SAGA_COMPLETED,
  },
  {
    name: 'redriven_after_failure',
    features: ['CreateStateMachine', 'Task fails uncaught until redriven ($$.Execution.RedriveCount)', 'ExecutionFailed', 'RedriveExecution', 'ExecutionRedriven', 'the failed Task runs again', 'SUCCEEDED'],
    input: {},
    machine: { name: 'RedriveAfterFailure', definition: oneCall(FAILS_UNTIL_REDRIVEN) },
    ending: { kind: 'end' },
    redriveFrom: 'FAILED',
    expected: { executionStatus: 'SUCCEEDED', sagaOutcome: 'COMPLETED', entered: { Prepare: SUCCEEDED, Call: SUCCEEDED, Done: SUCCEEDED } },
  },
  {
    name: 'redriven_after_timeout',
    features: ['CreateStateMachine', 'execution TimeoutSeconds 1', 'Task hangs until redriven ($$.Execution.RedriveCount)', 'ExecutionTimedOut', 'RedriveExecution', 'ExecutionRedriven', 'SUCCEEDED'],
    input: {},
    machine: { name: 'RedriveAfterTimeout', definition: oneCall(HANGS_UNTIL_REDRIVEN, { TimeoutSeconds: 1 }) },
    ending: { kind: 'end' },
    redriveFrom: 'TIMED_OUT',
    expected: { executionStatus: 'SUCCEEDED', sagaOutcome: 'COMPLETED', entered: { Prepare: SUCCEEDED, Call: SUCCEEDED, Done: SUCCEEDED } },
  },
];
