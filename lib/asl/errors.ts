/** A definition we cannot draw or read against: the message names the state and the problem. */
export class InvalidDefinitionError extends Error {
  override name = 'InvalidDefinitionError';
}
