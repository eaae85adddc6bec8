/**
 * Every Step Functions call the dashboard makes, over an injected client so tests can
 * hand in a fake. Each call reshapes the wire response into app types and every failure
 * into a typed StepFunctionsError.
 */
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent as WireEvent,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  RedriveExecutionCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { ExecutionStatus } from '../core/execution-status';
import { toStepFunctionsError } from './errors';
import { readWholeHistory } from './history-pages';
import { parsePayload, toEpochMs } from '../core/values';
import { parseDefinition, toExecutionEvent, toExecutionStatus } from './reshape';
import type {
  ExecutionEvent,
  ExecutionInfo,
  ExecutionPage,
  StateMachineInfo,
  StateMachineSummary,
} from './types';

/** AWS's largest history page. */
const PAGE_SIZE = 1000;
/** The page a poll peeks at first (see getEventsAfter). */
const POLL_PEEK = 25;

type Sender = Pick<SFNClient, 'send'>;

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function createStepFunctions(client: Sender, where = 'Step Functions') {
  async function call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toStepFunctionsError(error, where);
    }
  }

  const stateMachine = (out: {
    stateMachineArn?: string;
    name?: string;
    definition?: string;
    revisionId?: string;
    updateDate?: Date;
    creationDate?: Date;
  }): StateMachineInfo =>
    defined({
      stateMachineArn: out.stateMachineArn ?? '',
      name: out.name ?? '',
      definition: parseDefinition(out.definition),
      revisionId: out.revisionId,
      updatedAt: toEpochMs(out.updateDate ?? out.creationDate),
    });

  return {
    startExecution: (stateMachineArn: string, name: string, input: unknown) =>
      call(async () => {
        const out = await client.send(
          new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }),
        );
        return { executionArn: out.executionArn ?? '', startedAt: toEpochMs(out.startDate) ?? Date.now() };
      }),

    describeExecution: (executionArn: string) =>
      call(async (): Promise<ExecutionInfo> => {
        const out = await client.send(new DescribeExecutionCommand({ executionArn }));
        return defined({
          executionArn: out.executionArn ?? executionArn,
          stateMachineArn: out.stateMachineArn ?? '',
          name: out.name ?? '',
          status: toExecutionStatus(out.status),
          startedAt: toEpochMs(out.startDate) ?? 0,
          stoppedAt: toEpochMs(out.stopDate),
          input: parsePayload(out.input),
          output: parsePayload(out.output),
          error: out.error,
          cause: out.cause,
          redriveCount: out.redriveCount,
        });
      }),

    /** The whole history, oldest first: the largest pages AWS allows, read from both ends. */
    getHistory: (executionArn: string) =>
      call(() =>
        readWholeHistory<ExecutionEvent>(async ({ reverseOrder, nextToken }) => {
          const out = await client.send(
            new GetExecutionHistoryCommand({ executionArn, maxResults: PAGE_SIZE, reverseOrder, nextToken }),
          );
          return { events: (out.events ?? []).map(toExecutionEvent), ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
        }),
      ),

    /**
     * Only the events after `afterId`, oldest first. Reads newest-first pages and stops at
     * the first known id, so a poll of a long history costs one call, not a full re-read.
     * A poll usually finds a few new events, so it first peeks at a small page: parsing a
     * full page on every poll was most of a live room's server time. When even the peek is
     * all new, the read starts over with full pages (a page token is only valid with the
     * page size it was made for), costing a burst one extra call.
     */
    getEventsAfter: (executionArn: string, afterId: number) =>
      call(async () => {
        const readBack = async (maxResults: number, pages: number) => {
          const fresh: WireEvent[] = [];
          let nextToken: string | undefined;
          for (let page = 1; page <= pages; page++) {
            const out = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults, reverseOrder: true, nextToken }));
            const events = out.events ?? [];
            const unseen = events.filter((e) => (e.id ?? 0) > afterId);
            fresh.push(...unseen);
            nextToken = unseen.length === events.length ? out.nextToken : undefined;
            if (!nextToken) return { fresh, complete: true };
          }
          return { fresh, complete: false };
        };
        const peek = await readBack(POLL_PEEK, 1);
        const { fresh } = peek.complete ? peek : await readBack(PAGE_SIZE, Number.POSITIVE_INFINITY);
        return fresh.map(toExecutionEvent).sort((a, b) => a.id - b.id);
      }),

    listExecutions: (
      stateMachineArn: string,
      options: { status?: ExecutionStatus; nextToken?: string; maxResults?: number } = {},
    ) =>
      call(async (): Promise<ExecutionPage> => {
        const out = await client.send(
          new ListExecutionsCommand({
            stateMachineArn,
            statusFilter: options.status,
            nextToken: options.nextToken,
            maxResults: options.maxResults ?? 100,
          }),
        );
        return defined({
          executions: (out.executions ?? []).map((e) =>
            defined({
              executionArn: e.executionArn ?? '',
              stateMachineArn: e.stateMachineArn ?? stateMachineArn,
              name: e.name ?? '',
              status: toExecutionStatus(e.status),
              startedAt: toEpochMs(e.startDate) ?? 0,
              stoppedAt: toEpochMs(e.stopDate),
              redriveCount: e.redriveCount,
            }),
          ),
          nextToken: out.nextToken,
        });
      }),

    stopExecution: (executionArn: string, reason?: { error?: string; cause?: string }) =>
      call(async () => {
        const out = await client.send(new StopExecutionCommand({ executionArn, ...reason }));
        return { stoppedAt: toEpochMs(out.stopDate) ?? Date.now() };
      }),

    redriveExecution: (executionArn: string) =>
      call(async () => {
        const out = await client.send(new RedriveExecutionCommand({ executionArn }));
        return { redrivenAt: toEpochMs(out.redriveDate) ?? Date.now() };
      }),

    describeStateMachine: (stateMachineArn: string) =>
      call(async () => stateMachine(await client.send(new DescribeStateMachineCommand({ stateMachineArn })))),

    describeStateMachineForExecution: (executionArn: string) =>
      call(async () =>
        stateMachine(await client.send(new DescribeStateMachineForExecutionCommand({ executionArn }))),
      ),

    listStateMachines: () =>
      call(async () => {
        const machines: StateMachineSummary[] = [];
        let nextToken: string | undefined;
        do {
          const out = await client.send(new ListStateMachinesCommand({ nextToken, maxResults: 1000 }));
          for (const m of out.stateMachines ?? []) {
            machines.push({
              stateMachineArn: m.stateMachineArn ?? '',
              name: m.name ?? '',
              type: m.type ?? 'STANDARD',
              createdAt: toEpochMs(m.creationDate) ?? 0,
            });
          }
          nextToken = out.nextToken;
        } while (nextToken);
        return machines;
      }),
  };
}

export type StepFunctions = ReturnType<typeof createStepFunctions>;
