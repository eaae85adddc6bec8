/**
 * What the dashboard's "new order" form renders: one entry per input field, in form order,
 * with labels, kinds and the same bounds the schema enforces. Data, not JSX, so the form
 * stays a dumb renderer and a new switch appears there without touching the UI.
 */
import { COMPENSATION_STEPS, DEFAULT_SKU, FORWARD_STEPS, INPUT_BOUNDS } from './steps';
import type { SagaInputFields } from './input';

type Base = { name: keyof SagaInputFields; label: string; help: string; group: 'order' | 'failures' | 'timing' };

export type SwitchField =
  | (Base & { kind: 'text'; default?: string; placeholder?: string })
  | (Base & { kind: 'integer' | 'number'; default: number; min: number; max: number; unit?: string })
  | (Base & { kind: 'boolean'; default: false })
  /** `optional`: the form offers "none", which means the field is left out */
  | (Base & { kind: 'enum'; options: readonly string[]; optional: true });

/** Schema fields the form leaves out on purpose: switches for tests, not for presenters. */
export const FIELDS_NOT_IN_FORM: readonly (keyof SagaInputFields)[] = ['holdStep'];

export const SAGA_INPUT_FIELDS: readonly SwitchField[] = [
  { name: 'orderId', kind: 'text', group: 'order', label: 'Order id', placeholder: 'derived from the execution name', help: 'Leave empty to derive it from the execution name. Reusing an id replays that order idempotently.' },
  { name: 'item', kind: 'text', group: 'order', label: 'Item (SKU)', default: DEFAULT_SKU, help: 'Stock is taken from this SKU.' },
  { name: 'quantity', kind: 'integer', group: 'order', label: 'Quantity', default: 1, ...INPUT_BOUNDS.quantity, help: 'More than the stock on hand fails UpdateInventory with InventoryUnavailable.' },
  { name: 'amount', kind: 'number', group: 'order', label: 'Amount', default: 49.99, ...INPUT_BOUNDS.amount, unit: 'USD', help: 'Charged by ProcessPayment, refunded by PaymentRefund.' },
  { name: 'failCreateOrder', kind: 'boolean', group: 'failures', label: 'Fail CreateOrder', default: false, help: 'CreateOrder writes the order, then fails: CancelOrder runs.' },
  { name: 'failInventoryUpdate', kind: 'boolean', group: 'failures', label: 'Fail UpdateInventory', default: false, help: 'Stock is taken, then the step fails: InventoryRollback and CancelOrder run.' },
  { name: 'failProcessPayment', kind: 'boolean', group: 'failures', label: 'Fail ProcessPayment', default: false, help: 'The card is charged, then the step fails: PaymentRefund, InventoryRollback and CancelOrder run.' },
  { name: 'failCompensation', kind: 'enum', group: 'failures', label: 'Fail a compensation', options: COMPENSATION_STEPS, optional: true, help: 'That compensation fails on the first run: the rollback stops there, COMPENSATION_FAILED, and a person is told. A Redrive runs it again and finishes the rollback.' },
  { name: 'flakyStep', kind: 'enum', group: 'failures', label: 'Flaky step', options: FORWARD_STEPS, optional: true, help: 'This step throws TransientError on its first attempts; Step Functions retries it with backoff.' },
  { name: 'flakyAttempts', kind: 'integer', group: 'failures', label: 'Failing attempts', default: 2, ...INPUT_BOUNDS.flakyAttempts, help: 'Up to 3 are retried away; 4 or more exhaust the retries and roll the saga back.' },
  { name: 'latencyMs', kind: 'integer', group: 'timing', label: 'Latency per step', default: 0, ...INPUT_BOUNDS.latencyMs, unit: 'ms', help: 'Every step waits this long first, so the graph can be watched.' },
];
