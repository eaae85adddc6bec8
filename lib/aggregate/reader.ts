/**
 * Reading many executions for the aggregate view and the batch tallies. Finished
 * executions' facts are kept by ARN and redrive count, so each history is read once; a
 * cold read goes through a token bucket at GetExecutionHistory's refill rate (AWS: 20 per
 * second per account), so reading hundreds of histories never gets the account throttled,
 * and it reports its progress while it runs. Framework-free: Step Functions, the bucket
 * and the clock are injected.
 */
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition, AslGraph } from '@/lib/asl/types';
import { TERMINAL_STATUSES } from '@/lib/core/execution-status';
import { backoffMs, type TokenBucket } from '@/lib/core/token-bucket';
import { createLimiter } from '@/lib/executions/limit';
import { LIST_WINDOW_MS } from '@/lib/executions/list-cache';
import { sharePerKey } from '@/lib/live/share-in-flight';
import { errorInfo, ThrottledError } from '@/lib/sfn/errors';
import type { HistoryEvent } from '@/lib/history/types';
import type { ExecutionPage, ExecutionSummary } from '@/lib/sfn/types';
import { runFactsOf, type RunFacts } from './facts';
import { summarize, type AggregateSummary } from './summarize';

export interface AggregateClient {
  listExecutions(stateMachineArn: string, options: { nextToken?: string; maxResults?: number }): Promise<ExecutionPage>;
  getHistory(executionArn: string): Promise<readonly HistoryEvent[]>;
  describeStateMachine(stateMachineArn: string): Promise<{ definition: AslDefinition }>;
}

/** ListExecutions pages (1,000 executions each) one reading may list. */
export const MAX_LIST_PAGES = 10;
/** How long a request with an earlier reading at hand waits for the fresh one before handing out the earlier. */
const STALE_WAIT_MS = 100;

export type AggregateProgress = { read: number; toRead: number; total: number };

export type AggregateSnapshot =
  | ({ state: 'reading' } & AggregateProgress)
  | ({
      state: 'done';
      summary: AggregateSummary;
      truncated: boolean;
      /** the last finished reading, handed out while a fresher one runs */
      refreshing?: boolean;
    } & AggregateProgress)
  /** kind: the typed error's name (errorInfo's), so a missing machine can answer 404 */
  | { state: 'error'; message: string; kind?: string };

export interface ReaderDeps {
  client: AggregateClient;
  /** GetExecutionHistory calls take a token each */
  historyBucket: TokenBucket;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** history reads at once (each still waits for its token) */
  concurrency?: number;
  /** terminal facts kept; the oldest go first beyond this */
  maxKept?: number;
}

export type Selection = {
  stateMachineArn: string;
  /** decided from the list alone (name, status, start time) */
  listed: (e: ExecutionSummary) => boolean;
  /** decided from the facts (the saga outcome) */
  read: (facts: RunFacts) => boolean;
};

export function createAggregateReader(deps: ReaderDeps) {
  const limit = createLimiter(deps.concurrency ?? 8);
  const kept = new Map<string, RunFacts>();
  const maxKept = deps.maxKept ?? 50_000;
  const machines = sharePerKey<{ definition: AslDefinition; graph: AslGraph }>({ keepMs: 60_000, failureMs: 2_000, clock: deps });

  const machine = (arn: string) =>
    machines(arn, async () => {
      const { definition } = await deps.client.describeStateMachine(arn);
      return { definition, graph: buildGraph(definition) };
    });

  const factKey = (e: ExecutionSummary) => `${e.executionArn}#${e.redriveCount ?? 0}`;
  /**
   * A machine's executions, listed once per window for every selection of it: another
   * filter, batch or outcome over the same machine, or the same view opened again, costs
   * no ListExecutions call (on AWS, up to ten 1,000-row pages). A new execution shows up
   * once the window has passed, as on the executions list.
   */
  const listings = sharePerKey<{ executions: ExecutionSummary[]; truncated: boolean }>({ keepMs: LIST_WINDOW_MS, clock: deps });

  /** One history, paced by the bucket; a throttle that still happens is waited out with backoff. */
  async function history(arn: string): Promise<readonly HistoryEvent[]> {
    for (let attempt = 0; ; attempt++) {
      await deps.historyBucket.take();
      try {
        return await deps.client.getHistory(arn);
      } catch (error) {
        if (!(error instanceof ThrottledError) || attempt >= 6) throw error;
        await deps.sleep(backoffMs(attempt, Math.random, 200));
      }
    }
  }

  async function factsOf(e: ExecutionSummary): Promise<RunFacts> {
    const known = kept.get(factKey(e));
    if (known) return known;
    const [{ definition, graph }, events] = await Promise.all([machine(e.stateMachineArn), limit(() => history(e.executionArn))]);
    const facts = runFactsOf(e.name, definition, events, graph);
    if (TERMINAL_STATUSES.has(facts.status)) {
      if (kept.size >= maxKept) kept.delete(kept.keys().next().value ?? '');
      kept.set(factKey(e), facts);
    }
    return facts;
  }

  async function listAll(stateMachineArn: string): Promise<{ executions: ExecutionSummary[]; truncated: boolean }> {
    const executions: ExecutionSummary[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await deps.client.listExecutions(stateMachineArn, { nextToken: token, maxResults: 1_000 });
      executions.push(...page.executions);
      token = page.nextToken;
      pages++;
    } while (token && pages < MAX_LIST_PAGES);
    return { executions, truncated: token !== undefined };
  }

  type Job = { snapshot: AggregateSnapshot; finished: Promise<void>; done: boolean };
  type Done = Extract<AggregateSnapshot, { state: 'done' }>;
  const jobs = new Map<string, Job>();
  /** per selection, its last finished reading and which executions (and redrives) it summed */
  const lastDone = new Map<string, { snapshot: Done; summed: string }>();

  /** Each execution's facts (kept, or read now with the job's progress counting them), summed up. */
  async function readAndSum(job: Job, chosen: ExecutionSummary[], progress: AggregateProgress, selection: Selection): Promise<AggregateSummary> {
    job.snapshot = { state: 'reading', ...progress };
    const facts = await Promise.all(
      chosen.map(async (e) => {
        const cached = kept.has(factKey(e));
        const f = await factsOf(e);
        if (!cached) {
          progress.read++;
          job.snapshot = { state: 'reading', ...progress };
        }
        return f;
      }),
    );
    return summarize(facts.filter(selection.read));
  }

  function startJob(key: string, selection: Selection): Job {
    const job: Job = { snapshot: { state: 'reading', read: 0, toRead: 0, total: 0 }, finished: Promise.resolve(), done: false };
    job.finished = (async () => {
      try {
        const listed = await listings(selection.stateMachineArn, () => listAll(selection.stateMachineArn));
        const chosen = listed.executions.filter(selection.listed);
        const summed = chosen.map(factKey).join(' ');
        const toRead = chosen.filter((e) => !kept.has(factKey(e))).length;
        const progress = { read: 0, toRead, total: chosen.length };
        const previous = lastDone.get(key);
        // Kept facts never change: the same finished executions (and redrives) sum to the same summary.
        const summary = toRead === 0 && previous?.summed === summed ? previous.snapshot.summary : await readAndSum(job, chosen, progress, selection);
        const done: Done = { state: 'done', summary, truncated: listed.truncated, ...progress };
        job.snapshot = done;
        // Reusable next time only when every one of them had ended, and so had its facts kept.
        lastDone.set(key, { snapshot: done, summed: chosen.every((e) => kept.has(factKey(e))) ? summed : '' });
      } catch (error) {
        job.snapshot = { state: 'error', message: error instanceof Error ? error.message : String(error), kind: errorInfo(error).kind };
      }
      job.done = true;
    })();
    return job;
  }

  return {
    /**
     * The reading for `key` (one per distinct selection): a running one's progress, or a
     * new reading once the last has finished. A new reading within the listing's window
     * costs no call and, over the same finished executions, no summing: it is as fresh as
     * the listing, so a new execution shows within LIST_WINDOW_MS. Waits up to `waitMs` for
     * it to finish, so a warm reading answers in one round trip. When an earlier reading of
     * the same selection finished, it is handed out at once (marked `refreshing`) while the
     * new one lists and reads: the view then polls for the fresh one.
     */
    async request(key: string, selection: Selection, waitMs: number): Promise<AggregateSnapshot> {
      let job = jobs.get(key);
      if (!job || job.done) {
        job = startJob(key, selection);
        jobs.set(key, job);
      }
      const current = job;
      const previous = lastDone.get(key)?.snapshot;
      await Promise.race([current.finished, deps.sleep(previous ? Math.min(waitMs, STALE_WAIT_MS) : waitMs)]);
      if (current.snapshot.state !== 'reading' || !previous) return current.snapshot;
      return { ...previous, refreshing: true };
    },
    /** The facts of one execution (the batch tallies use it), kept once it has finished. */
    facts: factsOf,
    /** Whether this execution's facts are already kept. */
    isKept: (e: ExecutionSummary) => kept.has(factKey(e)),
  };
}

export type AggregateReader = ReturnType<typeof createAggregateReader>;
