import 'server-only';
import { aggregateReader } from '@/lib/aggregate/server';
import { systemClock } from '@/lib/core/clock';
import { TERMINAL_STATUSES, type ExecutionStatus } from '@/lib/core/execution-status';
import { createTokenBucket } from '@/lib/core/token-bucket';
import type { SagaOutcome } from '@/lib/history/types';
import { sharePerKey } from '@/lib/live/share-in-flight';
import { batchOfOrderId, decodeExecutionName } from '@/lib/saga/names';
import { ExecutionAlreadyExistsError, sagaStateMachineArn, stepFunctions, ThrottledError, type ExecutionSummary } from '@/lib/sfn';
import { planBatch } from './plan';
import { newProgress, runBatch, type RunnerProgress } from './runner';
import type { BatchSettings } from './settings';

/**
 * The dashboard's batch runs: each runs in this process, and a browser polls its
 * progress. The registry is only a cache of what runs here now: a batch's plan follows
 * from its id and settings, and what it started is in Step Functions, so after a restart
 * the progress is rebuilt from ListExecutions and the rest can be resumed.
 */

/** StartExecution refills at 300 per second; pacing well under it leaves room for everyone else. */
export const START_RATE = { ratePerSecond: 100, capacity: 20 } as const;

type Run = { progress: RunnerProgress; cancel: AbortController };

const KEY = Symbol.for('saga-dashboard.batch-runs');
type WithRuns = typeof globalThis & { [KEY]?: Map<string, Run> };
const runs = (): Map<string, Run> => ((globalThis as WithRuns)[KEY] ??= new Map<string, Run>());

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const newBatchId = (): string => `bat-${crypto.randomUUID().replaceAll('-', '').slice(0, 8)}`;

/** Every execution of the saga, newest first, shared for a moment by every poller and runner. */
const listing = sharePerKey<ExecutionSummary[]>({ keepMs: 400 });
function sagaExecutions(status?: ExecutionStatus): Promise<ExecutionSummary[]> {
  return listing(status ?? 'ALL', async () => {
    const all: ExecutionSummary[] = [];
    let nextToken: string | undefined;
    do {
      const page = await stepFunctions('poller').listExecutions(sagaStateMachineArn(), { status, nextToken, maxResults: 1_000 });
      all.push(...page.executions);
      nextToken = page.nextToken;
    } while (nextToken);
    return all;
  });
}

const batchExecutions = async (batchId: string) =>
  (await sagaExecutions()).filter((e) => batchOfOrderId(decodeExecutionName(e.name).orderId ?? '') === batchId);

/** Starts (or resumes) a batch here; an order Step Functions already has is counted, not started twice. */
export function runHere(batchId: string, settings: BatchSettings): void {
  const current = runs().get(batchId);
  if (current?.progress.state === 'running') return;
  const plan = planBatch(batchId, settings);
  const run: Run = { progress: newProgress(plan.length), cancel: new AbortController() };
  runs().set(batchId, run);
  const sfn = stepFunctions('poller');
  const arn = sagaStateMachineArn();
  void runBatch(
    plan,
    settings.concurrency,
    {
      async start(order) {
        try {
          await sfn.startExecution(arn, order.name, order.input);
          return 'started';
        } catch (error) {
          if (error instanceof ExecutionAlreadyExistsError) return 'exists';
          throw error;
        }
      },
      running: async (names) => (await sagaExecutions('RUNNING')).filter((e) => names.has(e.name)).length,
      isThrottle: (error) => error instanceof ThrottledError,
      startBucket: createTokenBucket({ ...START_RATE, now: () => systemClock.now(), sleep }),
      sleep,
      random: Math.random,
    },
    run.cancel.signal,
    run.progress,
  ).catch((error: unknown) => {
    run.progress.failed.push({ name: '(batch)', message: error instanceof Error ? error.message : String(error) });
    run.progress.state = 'finished';
  });
}

export function cancelHere(batchId: string): boolean {
  const run = runs().get(batchId);
  if (!run || run.progress.state !== 'running') return false;
  run.cancel.abort();
  return true;
}

export type BatchTallies = {
  /** executions of the batch Step Functions has */
  seen: number;
  byStatus: Partial<Record<ExecutionStatus, number>>;
  byOutcome: Partial<Record<SagaOutcome, number>>;
  /** finished, outcome still being read from the history */
  reading: number;
};

export type BatchProgressView = {
  batchId: string;
  planned: number;
  /** undefined when this process is not running it (finished long ago, or restarted since) */
  runner?: RunnerProgress;
  tallies: BatchTallies;
  done: boolean;
};

/** How long a progress request waits for newly finished histories before answering with what it has. */
const TALLY_WAIT_MS = 400;

export async function batchProgress(batchId: string, settings: BatchSettings): Promise<BatchProgressView> {
  const executions = await batchExecutions(batchId);
  const reader = aggregateReader();
  const ended = executions.filter((e) => TERMINAL_STATUSES.has(e.status));
  const reads = ended.filter((e) => !reader.isKept(e)).map((e) => reader.facts(e).catch(() => undefined));
  if (reads.length > 0) await Promise.race([Promise.all(reads), sleep(TALLY_WAIT_MS)]);
  const tallies: BatchTallies = { seen: executions.length, byStatus: {}, byOutcome: {}, reading: 0 };
  for (const e of executions) tallies.byStatus[e.status] = (tallies.byStatus[e.status] ?? 0) + 1;
  for (const e of ended) {
    if (!reader.isKept(e)) {
      tallies.reading++;
      continue;
    }
    const facts = await reader.facts(e);
    tallies.byOutcome[facts.outcome] = (tallies.byOutcome[facts.outcome] ?? 0) + 1;
  }
  const runner = runs().get(batchId)?.progress;
  const startedAll = runner ? runner.state !== 'running' : executions.length >= settings.count;
  const done = startedAll && ended.length === executions.length && tallies.reading === 0;
  return { batchId, planned: settings.count, ...(runner ? { runner: structuredClone(runner) } : {}), tallies, done };
}
