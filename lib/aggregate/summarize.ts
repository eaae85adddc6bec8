/**
 * Many executions' facts summed up for the heatmap: per state how many runs left it in
 * each status, its latency percentiles, the outcomes, and the most frequent errors with
 * example executions. Pure.
 */
import type { SagaOutcome, StateStatus } from '@/lib/history/types';
import type { RunFacts } from './facts';

/** What a state's badge counts: every status a state can be left in, and RUNNING while one is live. */
export type CountedStatus = Exclude<StateStatus, 'NOT_RUN'>;
export type StateCounts = Partial<Record<CountedStatus, number>>;
export type Latency = { p50: number; p95: number; samples: number };
export type ErrorGroup = { state: string; error: string; message: string; count: number; examples: string[] };

export interface AggregateSummary {
  executions: number;
  outcomes: Partial<Record<SagaOutcome, number>>;
  states: Record<string, StateCounts>;
  latency: Record<string, Latency>;
  errors: ErrorGroup[];
}

/** Examples linked per error; enough to open one and compare. */
export const EXAMPLES_PER_ERROR = 3;
export const TOP_ERRORS = 8;

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export function summarize(runs: readonly RunFacts[]): AggregateSummary {
  const outcomes: Partial<Record<SagaOutcome, number>> = {};
  const states: Record<string, StateCounts> = {};
  const durations = new Map<string, number[]>();
  const errors = new Map<string, ErrorGroup>();
  for (const run of runs) {
    outcomes[run.outcome] = (outcomes[run.outcome] ?? 0) + 1;
    for (const [name, fact] of Object.entries(run.states)) {
      if (fact.status === 'NOT_RUN') continue;
      const counts = (states[name] ??= {});
      counts[fact.status] = (counts[fact.status] ?? 0) + 1;
      if (fact.durationMs !== undefined) {
        const list = durations.get(name) ?? [];
        list.push(fact.durationMs);
        durations.set(name, list);
      }
    }
    for (const e of run.errors) {
      const key = `${e.state}\u0000${e.error}`;
      const group = errors.get(key) ?? { state: e.state, error: e.error, message: e.message, count: 0, examples: [] };
      group.count += 1;
      if (group.examples.length < EXAMPLES_PER_ERROR) group.examples.push(run.name);
      errors.set(key, group);
    }
  }
  const latency: Record<string, Latency> = {};
  for (const [name, list] of durations) {
    list.sort((a, b) => a - b);
    latency[name] = { p50: percentile(list, 50), p95: percentile(list, 95), samples: list.length };
  }
  return {
    executions: runs.length,
    outcomes,
    states,
    latency,
    errors: [...errors.values()].sort((a, b) => b.count - a.count || a.state.localeCompare(b.state)).slice(0, TOP_ERRORS),
  };
}

/** 0..1: how hot a state is drawn, by the share of runs that went wrong there. */
export function heatOf(counts: StateCounts | undefined): number {
  if (!counts) return 0;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const wrong = (counts.FAILED ?? 0) + (counts.CAUGHT ?? 0) + (counts.ABORTED ?? 0);
  return total === 0 ? 0 : wrong / total;
}
