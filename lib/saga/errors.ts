/**
 * Errors the saga's handlers throw. Each `name` is the Step Functions error name that the
 * definition's Retry and Catch match (Lambda reports `error.name` as the error type), so
 * renaming one changes the machine's behaviour.
 */

/** Retried with backoff by the definition: throttling, a flaky dependency, a simulated blip. */
export class TransientError extends Error {
  override name = 'TransientError' as const;
}

/** The execution input failed the schema; nothing was written. Not retried. */
export class InvalidSagaInput extends Error {
  override name = 'InvalidSagaInput' as const;
}

/** The order id names an order that was already cancelled; start a new order instead. */
export class OrderClosed extends Error {
  override name = 'OrderClosed' as const;
}

/** failCreateOrder: the order was written, then the step failed. */
export class OrderCreationFailed extends Error {
  override name = 'OrderCreationFailed' as const;
}

/** Not enough stock (or no such SKU). A business error: not retried. */
export class InventoryUnavailable extends Error {
  override name = 'InventoryUnavailable' as const;
}

/** failInventoryUpdate: stock was taken, then the step failed. */
export class InventoryUpdateFailed extends Error {
  override name = 'InventoryUpdateFailed' as const;
}

/** failProcessPayment: the charge was captured, then the step failed. */
export class PaymentFailed extends Error {
  override name = 'PaymentFailed' as const;
}

/** failCompensation: the named compensation fails, until the execution is redriven. Not retried. */
export class CompensationStepFailed extends Error {
  override name = 'CompensationStepFailed' as const;
}

/** holdStep: the step was held and nobody released it in time. Not retried: a test forgot, or gave up. */
export class HoldNotReleased extends Error {
  override name = 'HoldNotReleased' as const;
}
