/**
 * The one place the executions list reads Step Functions through, shared by every viewer
 * of a server. ListExecutions is called at most once per window (5 s) per state machine,
 * status filter and page token, however many browsers refresh: calls in flight and
 * answers younger than the window are shared, failures included, so a throttled account
 * is not hammered harder by each viewer's retry.
 *
 * Per-execution facts (outcome, step, stop time) come from GetExecutionHistory and the
 * definition through readExecution. A terminal execution's history never changes until
 * it is redriven, which bumps its redriveCount, so its facts are kept by ARN and redrive
 * count; running ones are re-read, at most once per window. History reads go through a
 * small concurrency limit.
 *
 * Framework-free: the Step Functions calls and the clock are injected.
 */
import { type Clock, systemClock } from '@/lib/core/clock';
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition, AslGraph } from '@/lib/asl/types';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import { sharePerKey } from '@/lib/live/share-in-flight';
import type { ExecutionEvent, ExecutionPage, ExecutionSummary } from '@/lib/sfn/types';
import { TERMINAL_STATUSES } from '@/lib/core/execution-status';
import { factsOf, type ExecutionFacts, type OrderFacts } from './facts';
import { createLimiter } from './limit';

export interface ListClient {
  listExecutions(
    stateMachineArn: string,
    options: { status?: ExecutionStatus; nextToken?: string; maxResults?: number },
  ): Promise<ExecutionPage>;
  getHistory(executionArn: string): Promise<ExecutionEvent[]>;
  describeStateMachine(stateMachineArn: string): Promise<{ definition: AslDefinition }>;
}

/**
 * How long a ListExecutions answer is shared: the executions list's freshness, and the
 * aggregate's (lib/aggregate/reader.ts), so both show a new execution within it.
 */
export const LIST_WINDOW_MS = 5_000;

export interface ListCacheOptions {
  /** executions per ListExecutions call */
  pageSize?: number;
  windowMs?: number;
  /**
   * How long a machine's definition is reused. The list reads every row against the
   * machine's current definition (one DescribeStateMachine, not one
   * DescribeStateMachineForExecution per row, which AWS refills at 1 call/s).
   */
  definitionMs?: number;
  /** history reads at once */
  concurrency?: number;
  /** terminal facts kept; the oldest go first beyond this */
  maxTerminal?: number;
  /** the saga's order behind an execution, from its input (see facts.ts) */
  orderOf?: (execution: ExecutionSummary, input: unknown) => OrderFacts | undefined;
  /** what the windows are measured on; default: the system clock */
  clock?: Pick<Clock, 'now'>;
}

export interface ListSource {
  readonly pageSize: number;
  page(stateMachineArn: string, status: ExecutionStatus | undefined, token: string | undefined): Promise<ExecutionPage>;
  facts(execution: ExecutionSummary): Promise<ExecutionFacts>;
}

export function createListCache(client: ListClient, options: ListCacheOptions = {}): ListSource {
  const pageSize = options.pageSize ?? 25;
  const windowMs = options.windowMs ?? LIST_WINDOW_MS;
  const maxTerminal = options.maxTerminal ?? 20_000;
  const clock = options.clock ?? systemClock;
  const limit = createLimiter(options.concurrency ?? 4);

  const pages = sharePerKey<ExecutionPage>({ keepMs: windowMs, clock });
  const recentFacts = sharePerKey<ExecutionFacts>({ keepMs: windowMs, clock });
  const machines = sharePerKey<{ definition: AslDefinition; graph: AslGraph }>({
    keepMs: options.definitionMs ?? 60_000,
    failureMs: windowMs,
    clock,
  });
  const terminalFacts = new Map<string, ExecutionFacts>();

  const machine = (stateMachineArn: string) =>
    machines(stateMachineArn, async () => {
      const { definition } = await client.describeStateMachine(stateMachineArn);
      return { definition, graph: buildGraph(definition) };
    });

  async function readFacts(e: ExecutionSummary, key: string): Promise<ExecutionFacts> {
    const [{ definition, graph }, events] = await Promise.all([
      machine(e.stateMachineArn),
      limit(() => client.getHistory(e.executionArn)),
    ]);
    const facts = factsOf(definition, events, graph, (input) => options.orderOf?.(e, input));
    if (TERMINAL_STATUSES.has(facts.status)) {
      if (terminalFacts.size >= maxTerminal) terminalFacts.delete(terminalFacts.keys().next().value ?? '');
      terminalFacts.set(key, facts);
    }
    return facts;
  }

  return {
    pageSize,
    page: (stateMachineArn, status, token) =>
      pages(JSON.stringify([stateMachineArn, status ?? '', token ?? '']), () =>
        client.listExecutions(stateMachineArn, { status, nextToken: token, maxResults: pageSize }),
      ),
    facts(e) {
      const key = `${e.executionArn}#${e.redriveCount ?? 0}`;
      const known = terminalFacts.get(key);
      return known ? Promise.resolve(known) : recentFacts(key, () => readFacts(e, key));
    },
  };
}
