/**
 * Named scenarios: presets the dashboard offers as one-click starts, and the compact code
 * of any input, which the dashboard puts in execution names so lists can filter by it.
 */
import { compensationsAfter, type CompensationStep, type ForwardStep } from './steps';
import type { SagaInput, SagaInputFields } from './input';

export const SCENARIO_CODES = [
  'happy',
  'slow',
  'flaky-order',
  'flaky-inventory',
  'flaky-payment',
  'flaky-notify',
  'fail-order',
  'fail-inventory',
  'fail-payment',
  'slow-rollback',
  'fail-refund',
  'fail-rollback',
  'fail-cancel',
] as const;
export type ScenarioCode = (typeof SCENARIO_CODES)[number];

const FLAKY_CODE: Record<ForwardStep, ScenarioCode> = {
  CreateOrder: 'flaky-order',
  UpdateInventory: 'flaky-inventory',
  ProcessPayment: 'flaky-payment',
  Notify: 'flaky-notify',
};

const COMPENSATION_FAILURE_CODE: Record<CompensationStep, ScenarioCode> = {
  PaymentRefund: 'fail-refund',
  InventoryRollback: 'fail-rollback',
  CancelOrder: 'fail-cancel',
};

function failingForwardStep(input: SagaInput): ForwardStep | undefined {
  if (input.failCreateOrder) return 'CreateOrder';
  if (input.failInventoryUpdate) return 'UpdateInventory';
  if (input.failProcessPayment) return 'ProcessPayment';
  return undefined;
}

/**
 * The most telling thing the input will make happen. A compensation switch only counts
 * when that compensation will actually run, so the code describes the path, not the form.
 * A stuck rollback outranks its speed; a clean rollback slowed down to be watched is its own
 * scenario (the Slow rollback preset), whichever step failed.
 */
export function scenarioCode(input: SagaInput): ScenarioCode {
  const failing = failingForwardStep(input);
  if (failing) {
    const broken = input.failCompensation;
    if (broken && compensationsAfter(failing).includes(broken)) return COMPENSATION_FAILURE_CODE[broken];
    if (input.latencyMs > 0) return 'slow-rollback';
    return failing === 'CreateOrder' ? 'fail-order' : failing === 'UpdateInventory' ? 'fail-inventory' : 'fail-payment';
  }
  if (input.flakyStep) return FLAKY_CODE[input.flakyStep];
  return input.latencyMs > 0 ? 'slow' : 'happy';
}

export type SagaPreset = { id: string; label: string; description: string; input: SagaInputFields };

export const SAGA_PRESETS: readonly SagaPreset[] = [
  { id: 'happy', label: 'Happy path', description: 'Every step succeeds; the order is CONFIRMED.', input: {} },
  { id: 'fail-order', label: 'Order fails', description: 'CreateOrder fails; CancelOrder runs; the execution FAILS with SagaRolledBack.', input: { failCreateOrder: true } },
  { id: 'fail-inventory', label: 'Inventory fails', description: 'UpdateInventory fails after taking stock; the stock is put back.', input: { failInventoryUpdate: true } },
  { id: 'fail-payment', label: 'Payment fails', description: 'ProcessPayment fails after charging; refund, stock back, order cancelled.', input: { failProcessPayment: true } },
  { id: 'fail-refund', label: 'Refund fails', description: 'Payment fails and its refund fails on the first run: COMPENSATION_FAILED, a person is told. Finish the rollback with one click.', input: { failProcessPayment: true, failCompensation: 'PaymentRefund' } },
  { id: 'flaky-payment', label: 'Flaky payment', description: 'ProcessPayment throws TransientError twice, then succeeds thanks to Retry.', input: { flakyStep: 'ProcessPayment', flakyAttempts: 2 } },
  { id: 'slow', label: 'Slow motion', description: 'A happy path with 1.5 s per step, to watch it move.', input: { latencyMs: 1500 } },
  { id: 'slow-payment-fails', label: 'Slow rollback', description: 'Payment fails with 1.5 s per step, to watch the compensation path.', input: { failProcessPayment: true, latencyMs: 1500 } },
];
