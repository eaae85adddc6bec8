/**
 * Test-only kill points (ENGINE_CRASH_AT): tells, for each batch of events the engine
 * writes, whether it holds the event a test chose to die after. Pure and synchronous, so
 * the engine can commit the batch and kill itself before anything else runs: the kill
 * point is exact, with no timer involved.
 */
import type { CrashPoint } from '@/lib/env';
import type { AwsHistoryEvent } from './aws-events';

const enteredName = (event: AwsHistoryEvent): string | undefined => {
  const details = event.stateEnteredEventDetails;
  return typeof details === 'object' && details !== null && 'name' in details ? String(details.name) : undefined;
};

export function crashPointMatcher(point: CrashPoint): (executionName: string, events: readonly AwsHistoryEvent[]) => boolean {
  /** the state each execution is visiting, as far as this process has seen it enter one */
  const visiting = new Map<string, string>();
  let seen = 0;
  return (executionName, events) => {
    let hit = false;
    for (const event of events) {
      const entered = enteredName(event);
      if (entered !== undefined) visiting.set(executionName, entered);
      if (point.executionName !== undefined && point.executionName !== executionName) continue;
      if (event.type === point.eventType && visiting.get(executionName) === point.stateName && ++seen === point.occurrence) hit = true;
    }
    return hit;
  };
}
