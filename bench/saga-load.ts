/**
 * Sagas through the engine's API with a fixed number in flight: as one finishes, the next
 * starts. Completion is seen by one ListExecutions(RUNNING) poll every few milliseconds,
 * not by a poll per execution, so the load measured is the sagas', not the watching's.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '../lib/env';
import type { jsonClient } from './json-client';

type Client = ReturnType<typeof jsonClient>;

const WATCH_MS = 5;

async function runningCount(client: Client): Promise<number> {
  const { executions } = await client.call<{ executions: unknown[] }>('ListExecutions', {
    stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN,
    statusFilter: 'RUNNING',
    maxResults: 1000,
  });
  return executions.length;
}

/**
 * Runs `total` sagas, `concurrency` at a time; `input(i)` is the i-th saga's input. Returns
 * the sagas per second and every execution's ARN. `onProgress` sees the finished count.
 */
export async function sagasInFlight(
  client: Client,
  options: { total: number; concurrency: number; namePrefix: string; input: (i: number) => object; onProgress?: (finished: number) => void },
): Promise<{ perSecond: number; executionArns: string[] }> {
  const { total, concurrency } = options;
  const executionArns: string[] = [];
  const begin = performance.now();
  let finished = 0;
  while (finished < total) {
    const running = await runningCount(client);
    finished = executionArns.length - running;
    options.onProgress?.(finished);
    const room = Math.min(concurrency - running, total - executionArns.length);
    const starts = Array.from({ length: Math.max(0, room) }, (_, k) => executionArns.length + k);
    const arns = await Promise.all(
      starts.map((i) =>
        client
          .call<{ executionArn: string }>('StartExecution', {
            stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN,
            name: `${options.namePrefix}-${i}`,
            input: JSON.stringify(options.input(i)),
          })
          .then((r) => r.executionArn),
      ),
    );
    executionArns.push(...arns);
    if (finished < total) await sleep(WATCH_MS);
  }
  return { perSecond: total / ((performance.now() - begin) / 1000), executionArns };
}
