/**
 * What the aggregate view keeps of one execution: per state its status and duration, the
 * errors it met, and the outcome. Small and plain, so a finished execution's history is
 * read once and only these facts are kept. Pure: derived through readExecution, the same
 * reading the execution page draws, so the heatmap and the page never disagree.
 */
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition, AslGraph } from '@/lib/asl/types';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import { isRecord } from '@/lib/core/values';
import { readExecution } from '@/lib/history/read-execution';
import type { HistoryEvent, SagaOutcome, StateStatus } from '@/lib/history/types';

export type StateFact = { status: StateStatus; durationMs?: number };
export type ErrorFact = { state: string; error: string; message: string };

export interface RunFacts {
  name: string;
  status: ExecutionStatus;
  outcome: SagaOutcome;
  /** states that ran, by name */
  states: Record<string, StateFact>;
  errors: ErrorFact[];
}

/** A Lambda failure's cause is the runtime's JSON; its errorMessage is what a person reads. */
export function causeMessage(cause: string | undefined): string {
  if (!cause) return '';
  try {
    const parsed: unknown = JSON.parse(cause);
    if (isRecord(parsed) && typeof parsed.errorMessage === 'string') return parsed.errorMessage;
  } catch {
    // not JSON: the cause is the message
  }
  return cause;
}

export function runFactsOf(name: string, definition: AslDefinition, events: readonly HistoryEvent[], graph: AslGraph = buildGraph(definition)): RunFacts {
  const reading = readExecution(definition, events, graph);
  // A Fail state only restates the error that led to it (the saga's designed end), so it names no cause of its own.
  const failStates = new Set(graph.nodes.filter((n) => n.type === 'Fail').map((n) => n.id));
  const states: Record<string, StateFact> = {};
  const errors: ErrorFact[] = [];
  for (const s of Object.values(reading.states)) {
    if (s.status === 'NOT_RUN') continue;
    states[s.name] = { status: s.status, ...(s.durationMs === undefined ? {} : { durationMs: s.durationMs }) };
    const failed = s.visits.findLast((v) => v.error !== undefined);
    if ((s.status === 'CAUGHT' || s.status === 'FAILED') && failed?.error && !failStates.has(s.name)) {
      errors.push({ state: s.name, error: failed.error, message: causeMessage(failed.cause) });
    }
  }
  return { name, status: reading.executionStatus, outcome: reading.sagaOutcome, states, errors };
}
