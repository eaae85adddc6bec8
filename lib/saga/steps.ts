/** The saga's steps and the bounds its input schema and its form share, so they cannot drift apart. */
export const FORWARD_STEPS = ['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify'] as const;
export type ForwardStep = (typeof FORWARD_STEPS)[number];
export const COMPENSATION_STEPS = ['PaymentRefund', 'InventoryRollback', 'CancelOrder'] as const;
export type CompensationStep = (typeof COMPENSATION_STEPS)[number];
/** The steps that do the saga's work, forward and back (the holdStep switch can hold any). */
export const SAGA_STEPS = [...FORWARD_STEPS, ...COMPENSATION_STEPS] as const;
export type SagaStep = (typeof SAGA_STEPS)[number];

/** Which forward step each compensation undoes: the saga's compensation pairs. */
export const UNDOES: Readonly<Record<CompensationStep, ForwardStep>> = {
  PaymentRefund: 'ProcessPayment',
  InventoryRollback: 'UpdateInventory',
  CancelOrder: 'CreateOrder',
};

/**
 * The compensations a failing forward step leads to, in the order they run (the ASL's Catch
 * chain): its own first, then the earlier steps' in reverse. Notify undoes nothing of its own,
 * so its failure runs every compensation.
 */
export function compensationsAfter(failed: ForwardStep): CompensationStep[] {
  const done = FORWARD_STEPS.slice(0, FORWARD_STEPS.indexOf(failed) + 1);
  return COMPENSATION_STEPS.filter((c) => done.includes(UNDOES[c]));
}

export const isForwardStep = (name: string): name is ForwardStep => (FORWARD_STEPS as readonly string[]).includes(name);
export const isCompensationStep = (name: string): name is CompensationStep =>
  (COMPENSATION_STEPS as readonly string[]).includes(name);

/** Bounds shared by the schema and the form metadata, so they cannot drift apart. */
export const INPUT_BOUNDS = {
  quantity: { min: 1, max: 50 },
  amount: { min: 0.01, max: 10_000 },
  flakyAttempts: { min: 1, max: 10 },
  // Lambdas time out at 30 s; a step sleeps once, so 10 s leaves room for the work.
  latencyMs: { min: 0, max: 10_000 },
} as const;

export const DEFAULT_SKU = 'sku-widget';
