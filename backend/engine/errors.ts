/**
 * Errors the engine returns in Step Functions' own wire shape: HTTP 400 with
 * `{"__type": "<Type>", "message": "..."}`, which the AWS SDK turns into typed exceptions.
 */
export const SFN_ERROR_TYPES = [
  'ExecutionDoesNotExist',
  'ExecutionAlreadyExists',
  'ExecutionNotRedrivable',
  'StateMachineDoesNotExist',
  'StateMachineAlreadyExists',
  'InvalidArn',
  'InvalidExecutionInput',
  'InvalidDefinition',
  'InvalidName',
  'InvalidToken',
  'ValidationException',
  'MissingRequiredParameter',
  'StateMachineTypeNotSupported',
  'SerializationException',
  'UnknownOperationException',
  /** only when throttling is injected for tests (ENGINE_THROTTLE_EVERY); AWS's own type name */
  'ThrottlingException',
] as const;
export type SfnErrorType = (typeof SFN_ERROR_TYPES)[number];

export class SfnError extends Error {
  override name = 'SfnError';
  constructor(
    readonly type: SfnErrorType,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON body AWS sends for an error. */
export const errorBody = (error: SfnError): string => JSON.stringify({ __type: error.type, message: error.message });
