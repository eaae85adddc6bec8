/**
 * Which state machine the list shows. `?sm=` takes an ARN (what the rest of the dashboard
 * links with) or a bare name, which is resolved in the saga's account and Region: the
 * only ones the dashboard's client talks to, so no ListStateMachines call is needed.
 */
import { parseStatesArn, statesArn } from '@/lib/core/arn';

const ARN_PREFIX = 'arn:';

export function machineArnFor(sm: string | undefined, sagaArn: () => string): string {
  if (sm === undefined) return sagaArn();
  if (sm.startsWith(ARN_PREFIX)) return sm;
  const saga = parseStatesArn(sagaArn());
  if (!saga) throw new Error(`The saga's state machine ARN is not a Step Functions ARN: ${sagaArn()}`);
  return statesArn(saga, ['stateMachine', sm]);
}

/** The name in a state machine ARN, without a version or alias suffix; a bare name as it is. */
export const machineNameOf = (arn: string): string => parseStatesArn(arn)?.name ?? arn;
