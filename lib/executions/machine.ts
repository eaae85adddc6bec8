/**
 * Which state machine the list shows. `?sm=` takes an ARN (what the rest of the dashboard
 * links with) or a bare name, which is resolved in the saga's account and Region: the
 * only ones the dashboard's client talks to, so no ListStateMachines call is needed.
 */
const ARN_PREFIX = 'arn:';

export function machineArnFor(sm: string | undefined, sagaArn: () => string): string {
  if (sm === undefined) return sagaArn();
  if (sm.startsWith(ARN_PREFIX)) return sm;
  return [...sagaArn().split(':').slice(0, 6), sm].join(':');
}

/** The name in a state machine ARN, without a version or alias suffix. */
export const machineNameOf = (arn: string): string => arn.split(':')[6] ?? arn;
