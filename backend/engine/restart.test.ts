/**
 * Kill -9 the engine with sagas in flight, start it again, and every started execution is
 * still listed, finishes with a complete history, and the stock adds up. The engine runs
 * as a real child process, as `npm run engine` would, and kills itself right after one
 * run enters its first compensation (ENGINE_CRASH_AT), while the others are mid-step.
 */
import { ListExecutionsCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { formatCrashPoint, LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { fullHistory, historyShapeProblems, sagaData, statesVisited } from './testing/saga-checks';
import { freePort, spawnEngine, stopEngine } from './testing/spawn-engine';
import { sfnClientFor, tempDataDir } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';

const children: ChildProcess[] = [];
const dataDir = tempDataDir();
afterAll(async () => {
  for (const child of children) await stopEngine(child);
  rmSync(dataDir, { recursive: true, force: true });
});

it('survives kill -9 with sagas in flight: all listed, all finished, stock conserved', async () => {
  const env = { ENGINE_PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()), ENGINE_DATA_DIR: dataDir };
  const killPoint = { eventType: 'TaskStateEntered', stateName: 'PaymentRefund', occurrence: 1, executionName: 'refund-2' };
  const first = await spawnEngine({ ...env, ENGINE_CRASH_AT: formatCrashPoint(killPoint) });
  const killed = new Promise((resolve) => first.once('exit', (_code, signal) => resolve(signal)));
  children.push(first);
  const url = `http://127.0.0.1:${env.ENGINE_PORT}`;
  const data = sagaData(`http://127.0.0.1:${env.DYNAMODB_PORT}`);
  let sfn = sfnClientFor(url);
  const stockBefore = await data.stock();

  const runs = [
    ...[1, 2, 3].map((i) => ({ name: `ok-${i}`, input: { latencyMs: 300 }, status: 'SUCCEEDED' })),
    ...[1, 2, 3].map((i) => ({ name: `refund-${i}`, input: { latencyMs: 300, failProcessPayment: true }, status: 'FAILED' })),
  ];
  for (const run of runs) {
    await sfn.send(new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name: run.name, input: JSON.stringify(run.input) }));
  }
  expect(await killed).toBe('SIGKILL');
  sfn.destroy();

  children.push(await spawnEngine(env));
  sfn = sfnClientFor(url);
  const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN }));
  expect(listed.executions!.map((e) => e.name).sort()).toEqual(runs.map((r) => r.name).sort());

  for (const run of runs) {
    const arn = listed.executions!.find((e) => e.name === run.name)!.executionArn!;
    const ended = await waitForEnd(sfn, arn, 50);
    expect(ended.status, run.name).toBe(run.status);
    const events = await fullHistory(sfn, arn);
    expect(events[0]?.type).toBe('ExecutionStarted');
    expect(events.at(-1)?.type).toBe(run.status === 'SUCCEEDED' ? 'ExecutionSucceeded' : 'ExecutionFailed');
    expect(historyShapeProblems(events), run.name).toEqual([]);
    expect(statesVisited(events).at(-1)).toBe(run.status === 'SUCCEEDED' ? 'OrderConfirmed' : 'SagaRolledBack');
    const records = await data.order(`ord-${run.name}`);
    expect(records.order?.status).toBe(run.status === 'SUCCEEDED' ? 'CONFIRMED' : 'CANCELLED');
  }
  // Confirmed orders keep one unit each; rolled-back ones gave theirs back exactly once.
  expect(await data.stock()).toBe(stockBefore - 3);
  sfn.destroy();
  // Two engine starts dominate: seconds each on a busy two-core machine.
}, 120_000);
