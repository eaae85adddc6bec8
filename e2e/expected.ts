/**
 * What every preset must show: each state's status, the saga outcome and the order's
 * data. Written from the saga's ASL (backend/saga/definition.asl.json), not from the UI.
 */
import type { SagaOutcome, StateStatus } from '@/lib/history/types';

export const SAGA_STATES = [
  'CreateOrder',
  'UpdateInventory',
  'ProcessPayment',
  'Notify',
  'OrderConfirmed',
  'PaymentRefund',
  'InventoryRollback',
  'CancelOrder',
  'NotifyFailure',
  'SagaRolledBack',
] as const;
type SagaState = (typeof SAGA_STATES)[number];

export type Expectation = {
  outcome: SagaOutcome;
  executionStatus: 'SUCCEEDED' | 'FAILED';
  states: Record<SagaState, StateStatus>;
  /** states retried on purpose, with their number of tries */
  attempts?: Partial<Record<SagaState, number>>;
  order: 'CONFIRMED' | 'CANCELLED' | 'PENDING';
  payment: 'CHARGED' | 'REFUNDED' | '—';
  /** stock as the order left it: taken and kept, put back, or never touched */
  stock: 'taken' | 'restored' | 'untouched';
};

const states = (changes: Partial<Record<SagaState, StateStatus>>): Record<SagaState, StateStatus> =>
  Object.fromEntries(SAGA_STATES.map((s) => [s, changes[s] ?? 'NOT_RUN'])) as Record<SagaState, StateStatus>;

const happy: Expectation = {
  outcome: 'COMPLETED',
  executionStatus: 'SUCCEEDED',
  states: states({
    CreateOrder: 'SUCCEEDED',
    UpdateInventory: 'SUCCEEDED',
    ProcessPayment: 'SUCCEEDED',
    Notify: 'SUCCEEDED',
    OrderConfirmed: 'SUCCEEDED',
  }),
  order: 'CONFIRMED',
  payment: 'CHARGED',
  stock: 'taken',
};

const paymentFails: Expectation = {
  outcome: 'COMPENSATED',
  executionStatus: 'FAILED',
  states: states({
    CreateOrder: 'SUCCEEDED',
    UpdateInventory: 'SUCCEEDED',
    ProcessPayment: 'CAUGHT',
    PaymentRefund: 'SUCCEEDED',
    InventoryRollback: 'SUCCEEDED',
    CancelOrder: 'SUCCEEDED',
    NotifyFailure: 'SUCCEEDED',
    SagaRolledBack: 'FAILED',
  }),
  order: 'CANCELLED',
  payment: 'REFUNDED',
  stock: 'restored',
};

/** Keyed by preset id (lib/saga/scenarios.ts); a preset without an entry fails the suite. */
export const EXPECTED: Record<string, Expectation> = {
  happy,
  slow: happy,
  'flaky-payment': { ...happy, attempts: { ProcessPayment: 3 } },
  'fail-order': {
    outcome: 'COMPENSATED',
    executionStatus: 'FAILED',
    states: states({ CreateOrder: 'CAUGHT', CancelOrder: 'SUCCEEDED', NotifyFailure: 'SUCCEEDED', SagaRolledBack: 'FAILED' }),
    order: 'CANCELLED',
    payment: '—',
    stock: 'untouched',
  },
  'fail-inventory': {
    outcome: 'COMPENSATED',
    executionStatus: 'FAILED',
    states: states({
      CreateOrder: 'SUCCEEDED',
      UpdateInventory: 'CAUGHT',
      InventoryRollback: 'SUCCEEDED',
      CancelOrder: 'SUCCEEDED',
      NotifyFailure: 'SUCCEEDED',
      SagaRolledBack: 'FAILED',
    }),
    order: 'CANCELLED',
    payment: '—',
    stock: 'restored',
  },
  'fail-payment': paymentFails,
  'slow-payment-fails': paymentFails,
  'fail-refund': {
    outcome: 'COMPENSATION_FAILED',
    executionStatus: 'FAILED',
    states: states({
      CreateOrder: 'SUCCEEDED',
      UpdateInventory: 'SUCCEEDED',
      ProcessPayment: 'CAUGHT',
      // Refused, not an outage: not retried, and uncaught, so the execution stops here for a Redrive.
      PaymentRefund: 'FAILED',
    }),
    order: 'PENDING',
    payment: 'CHARGED',
    stock: 'taken',
  },
};
