/**
 * How AWS names the parts of a history event: shared by the reader, the history
 * generators and the local engine, which must write exactly what AWS writes.
 */

/** The details property AWS puts on an event of this type, e.g. TaskFailed -> taskFailedEventDetails. */
export function detailsKeyOf(type: string): string {
  // State entries and exits share one key whatever the state's type.
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}
