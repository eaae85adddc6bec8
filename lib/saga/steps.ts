/** The saga's steps and the bounds its input schema and its form share, so they cannot drift apart. */
export const FORWARD_STEPS = ['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify'] as const;
export type ForwardStep = (typeof FORWARD_STEPS)[number];
export const COMPENSATION_STEPS = ['PaymentRefund', 'InventoryRollback', 'CancelOrder'] as const;
export type CompensationStep = (typeof COMPENSATION_STEPS)[number];
/** The steps that do the saga's work, forward and back (the holdStep switch can hold any). */
export const SAGA_STEPS = [...FORWARD_STEPS, ...COMPENSATION_STEPS] as const;
export type SagaStep = (typeof SAGA_STEPS)[number];

/** Bounds shared by the schema and the form metadata, so they cannot drift apart. */
export const INPUT_BOUNDS = {
  quantity: { min: 1, max: 50 },
  amount: { min: 0.01, max: 10_000 },
  flakyAttempts: { min: 1, max: 10 },
  // Lambdas time out at 30 s; a step sleeps once, so 10 s leaves room for the work.
  latencyMs: { min: 0, max: 10_000 },
} as const;

export const DEFAULT_SKU = 'sku-widget';
