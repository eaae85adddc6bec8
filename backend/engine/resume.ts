/**
 * Where a resumed run starts (after an engine restart) or a redriven run restarts: the
 * last top-level state entered, with the input its entry recorded. Pure: it reads the
 * stored history only.
 */
import type { DefinitionIndex } from './definition';

export type ResumePoint =
  | {
      kind: 'state';
      stateName: string;
      /** JSON text of the state's recorded input */
      input: string;
      /** the visit is still open (entered, not exited): the new run continues it */
      continueVisit: boolean;
    }
  | { kind: 'impossible'; reason: string };

interface StoredEvent {
  type: string;
  stateEnteredEventDetails?: { name?: string; input?: string };
  stateExitedEventDetails?: { name?: string };
}

export function findResumePoint(
  history: readonly StoredEvent[],
  index: DefinitionIndex,
  executionInput: string,
  options: { rerunComposite: boolean },
): ResumePoint {
  let last: { name: string; input: string; exited: boolean } | undefined;
  for (const event of history) {
    const entered = event.stateEnteredEventDetails;
    if (entered?.name !== undefined && index.states.get(entered.name)?.parent === undefined) {
      last = { name: entered.name, input: entered.input ?? 'null', exited: false };
    }
    const exited = event.stateExitedEventDetails?.name;
    if (last && exited === last.name) last.exited = true;
  }
  if (!last) return { kind: 'state', stateName: index.startAt, input: executionInput, continueVisit: false };
  const type = index.states.get(last.name)?.type;
  if (!last.exited && (type === 'Parallel' || type === 'Map') && !options.rerunComposite) {
    return {
      kind: 'impossible',
      reason: `The engine stopped while ${type} state '${last.name}' was running; its branches cannot be resumed individually`,
    };
  }
  return { kind: 'state', stateName: last.name, input: last.input, continueVisit: !last.exited };
}
