/**
 * Errors the saga's handlers throw. Each `name` is the Step Functions error name that the
 * definition's Retry and Catch match (Lambda reports `error.name` as the error type), so
 * renaming one changes the machine's behaviour.
 */

/**
 * A base class whose instances carry `name` as a literal type; each error below extends its own,
 * so every error stays a distinct class (`instanceof` tells them apart).
 */
function namedError<const Name extends string>(errorName: Name) {
  return class extends Error {
    override name: Name = errorName;
  };
}

/** Retried with backoff by the definition: throttling, a flaky dependency, a simulated blip. */
export class TransientError extends namedError('TransientError') {}

/** The execution input failed the schema; nothing was written. Not retried. */
export class InvalidSagaInput extends namedError('InvalidSagaInput') {}

/** The order id names an order that was already cancelled; start a new order instead. */
export class OrderClosed extends namedError('OrderClosed') {}

/** failCreateOrder: the order was written, then the step failed. */
export class OrderCreationFailed extends namedError('OrderCreationFailed') {}

/** Not enough stock (or no such SKU). A business error: not retried. */
export class InventoryUnavailable extends namedError('InventoryUnavailable') {}

/** failInventoryUpdate: stock was taken, then the step failed. */
export class InventoryUpdateFailed extends namedError('InventoryUpdateFailed') {}

/** failProcessPayment: the charge was captured, then the step failed. */
export class PaymentFailed extends namedError('PaymentFailed') {}

/** failCompensation: the named compensation fails, until the execution is redriven. Not retried. */
export class CompensationStepFailed extends namedError('CompensationStepFailed') {}

/** holdStep: the step was held and nobody released it in time. Not retried: a test forgot, or gave up. */
export class HoldNotReleased extends namedError('HoldNotReleased') {}
