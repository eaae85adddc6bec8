/**
 * Type guards over history events, all made by one factory keyed on the details
 * property AWS sets (temporal UI style). Details are untrusted input, so a guard only
 * promises an object; fields are read through the value readers.
 */
import { detailsKeyOf } from '../core/events';
import { meaningOf } from './event-kinds';
import type { HistoryEvent } from './types';
import { isRecord, parsePayload } from '../core/values';
import { asString, asText } from './values';

type Details = Record<string, unknown>;

const hasDetails =
  <K extends string>(key: K) =>
  (event: HistoryEvent): event is HistoryEvent & Record<K, Details> =>
    isRecord(event[key]);

export const isStateEnteredEvent = hasDetails('stateEnteredEventDetails');
export const isStateExitedEvent = hasDetails('stateExitedEventDetails');
export const isEvaluationFailedEvent = hasDetails('evaluationFailedEventDetails');
export const isMapRunStartedEvent = hasDetails('mapRunStartedEventDetails');
export const isMapStateStartedEvent = hasDetails('mapStateStartedEventDetails');
export const isMapRunRedrivenEvent = hasDetails('mapRunRedrivenEventDetails');

/** The details of an event whatever its type (failure details carry error/cause on every type). */
export function detailsOf(event: HistoryEvent): Details | undefined {
  const details = event[meaningOf(event.type)?.detailsKey ?? detailsKeyOf(event.type)];
  return isRecord(details) ? details : undefined;
}

export interface ErrorInfo {
  error?: string;
  cause?: string;
}

export function errorOf(event: HistoryEvent): ErrorInfo {
  const details = detailsOf(event);
  return { error: asString(details?.error), cause: asText(details?.cause) };
}

/** The state name an entered/exited event is about, if it says. */
export function stateNameOf(event: HistoryEvent): string | undefined {
  if (isStateEnteredEvent(event)) return asString(event.stateEnteredEventDetails.name);
  if (isStateExitedEvent(event)) return asString(event.stateExitedEventDetails.name);
  if (isEvaluationFailedEvent(event)) return asString(event.evaluationFailedEventDetails.state);
  return undefined;
}

/** assignedVariables values are JSON texts on the wire: read them as values. */
export function assignedVariablesOf(event: HistoryEvent): Record<string, unknown> | undefined {
  if (!isStateExitedEvent(event)) return undefined;
  const vars = event.stateExitedEventDetails.assignedVariables;
  if (!isRecord(vars)) return undefined;
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, parsePayload(value)]));
}
