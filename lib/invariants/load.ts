import 'server-only';
import { aggregateReader } from '@/lib/aggregate/server';
import { dashboardConfig } from '@/lib/env';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import { TERMINAL_STATUSES } from '@/lib/core/execution-status';
import type { SagaOutcome } from '@/lib/history/types';
import { createSagaClients, type SagaClients } from '@/lib/saga-data/clients';
import { scanSagaTables } from '@/lib/saga-data/scan-tables';
import { SEED_STOCK } from '@/lib/saga-data/tables';
import { ExecutionNotFoundError, executionArnFor, sagaStateMachineArn, stepFunctions } from '@/lib/sfn';
import { checkInvariants, type InvariantReport } from './check';

/**
 * The invariants over the real tables (the emulator locally, the deployed tables on AWS):
 * the tables are scanned whole, and only the executions of orders still PENDING are asked
 * about (DescribeExecution, then the history once for a finished one, through the
 * aggregate's paced reader).
 */
let clients: SagaClients | undefined;

export async function loadInvariants(): Promise<InvariantReport> {
  const { data } = dashboardConfig();
  clients ??= createSagaClients(data);
  const tables = await scanSagaTables(clients, data.tables);
  const sfn = stepFunctions();
  const arn = sagaStateMachineArn();
  const executions = new Map<string, { status: ExecutionStatus; outcome?: SagaOutcome }>();
  const pending = tables.orders.filter((o) => o.status === 'PENDING');
  await Promise.all(
    pending.map(async (o) => {
      try {
        const info = await sfn.describeExecution(executionArnFor(arn, o.executionName));
        const ended = TERMINAL_STATUSES.has(info.status);
        const outcome = ended ? (await aggregateReader().facts(info)).outcome : undefined;
        executions.set(o.executionName, { status: info.status, ...(outcome ? { outcome } : {}) });
      } catch (error) {
        // An order whose execution is gone (past retention) cannot be judged stale; any other failure is the page's error.
        if (!(error instanceof ExecutionNotFoundError)) throw error;
      }
    }),
  );
  return checkInvariants({ seeds: SEED_STOCK, ...tables, executions });
}
