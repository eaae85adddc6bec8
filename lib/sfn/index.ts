import 'server-only';
import { ConfigError, dashboardConfig } from '../env';
import { createStepFunctions, type StepFunctions } from './api';
import { sfnClient, sfnTargetName } from './client';

/**
 * The dashboard's Step Functions adapter: the one place that talks to the service
 * (local engine or AWS, same code). `poller` surfaces throttling at once for lib/live.
 */
const instances = new Map<'request' | 'poller', StepFunctions>();

export function stepFunctions(purpose: 'request' | 'poller' = 'request'): StepFunctions {
  let api = instances.get(purpose);
  if (!api) {
    api = createStepFunctions(sfnClient(purpose), sfnTargetName());
    instances.set(purpose, api);
  }
  return api;
}

export type { StepFunctions } from './api';
export * from './errors';
export * from './types';
export { executionArnFor } from './arn';

/** The saga's state machine ARN, or a ConfigError that tells the user how to set it. */
export function sagaStateMachineArn(): string {
  const arn = dashboardConfig().sagaStateMachineArn;
  if (!arn) {
    throw new ConfigError(
      'No saga state machine configured: set SAGA_STATE_MACHINE_ARN, or deploy with `cdk deploy --outputs-file infra/outputs.json`.',
    );
  }
  return arn;
}

/** Where requests go, for the header chip; a broken environment shows up in the banner instead. */
export function targetLabel(): string {
  try {
    return dashboardConfig().targetLabel;
  } catch {
    return 'Not configured';
  }
}
