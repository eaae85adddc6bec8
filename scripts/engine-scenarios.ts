/**
 * The saga runs recorded as engine fixtures, one per saga outcome, and what each must
 * read as. The expectations come from the saga's definition (which Catch leads where,
 * how many tries a Retry allows), not from the reader they are there to test.
 */
import { SAGA_PRESETS } from '../backend/saga/scenarios';
import type { SagaInputFields } from '../backend/saga/switches';
import type { ExecutionStatus, SagaOutcome, StateStatus } from '../lib/history/types';

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
  ending: Ending;
  expected: {
    executionStatus: ExecutionStatus;
    sagaOutcome: SagaOutcome;
    /** the states entered; every other state of the definition is NOT_RUN */
    entered: Record<string, { status: StateStatus; attempts?: number }>;
  };
}

function presetInput(id: string): SagaInputFields {
  const preset = SAGA_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no saga preset "${id}"`);
  return preset.input;
}

const SUCCEEDED = { status: 'SUCCEEDED' } as const;
const FORWARD_DONE = { CreateOrder: SUCCEEDED, UpdateInventory: SUCCEEDED } as const;

export const ENGINE_SCENARIOS: readonly EngineScenario[] = [
  {
    name: 'completed_happy_path',
    features: ['saga preset "happy"', 'Lambda direct ARN resources', 'Succeed state', 'saga COMPLETED'],
    input: presetInput('happy'),
    ending: { kind: 'end' },
    expected: {
      executionStatus: 'SUCCEEDED',
      sagaOutcome: 'COMPLETED',
      entered: { ...FORWARD_DONE, ProcessPayment: SUCCEEDED, Notify: SUCCEEDED, OrderConfirmed: SUCCEEDED },
    },
  },
  {
    name: 'compensated_payment_fails',
    features: ['saga preset "fail-payment"', 'business error, not retried', 'Catch into the compensation chain', 'Fail state SagaRolledBack', 'saga COMPENSATED'],
    input: presetInput('fail-payment'),
    ending: { kind: 'end' },
    expected: {
      executionStatus: 'FAILED',
      sagaOutcome: 'COMPENSATED',
      entered: {
        ...FORWARD_DONE,
        ProcessPayment: { status: 'CAUGHT' },
        PaymentRefund: SUCCEEDED,
        InventoryRollback: SUCCEEDED,
        CancelOrder: SUCCEEDED,
        NotifyFailure: SUCCEEDED,
        SagaRolledBack: { status: 'FAILED' },
      },
    },
  },
  {
    name: 'compensation_failed_refund_fails',
    features: ['saga preset "fail-refund"', 'a compensation refused (not retried)', 'uncaught failure of a compensation: the execution fails at it', 'saga COMPENSATION_FAILED'],
    input: presetInput('fail-refund'),
    ending: { kind: 'end' },
    expected: {
      executionStatus: 'FAILED',
      sagaOutcome: 'COMPENSATION_FAILED',
      entered: {
        ...FORWARD_DONE,
        ProcessPayment: { status: 'CAUGHT' },
        PaymentRefund: { status: 'FAILED', attempts: 1 },
      },
    },
  },
  {
    name: 'aborted_stopped_during_slow_step',
    features: ['saga preset "slow" (latencyMs 1500)', 'StopExecution while UpdateInventory runs', 'ExecutionAborted', 'saga ABORTED'],
    input: presetInput('slow'),
    ending: { kind: 'stop', step: 'UpdateInventory' },
    expected: {
      executionStatus: 'ABORTED',
      sagaOutcome: 'ABORTED',
      entered: { CreateOrder: SUCCEEDED, UpdateInventory: { status: 'ABORTED' } },
    },
  },
  {
    name: 'running_cut_during_slow_step',
    features: ['saga preset "slow" (latencyMs 1500)', 'history read while UpdateInventory runs', 'no terminal event', 'saga RUNNING'],
    input: presetInput('slow'),
    ending: { kind: 'cut', step: 'UpdateInventory' },
    expected: {
      executionStatus: 'RUNNING',
      sagaOutcome: 'RUNNING',
      entered: { CreateOrder: SUCCEEDED, UpdateInventory: { status: 'RUNNING' } },
    },
  },
];
