/**
 * The crash matrix: each blueprint scenario, killed with SIGKILL at several points of its
 * history and restarted on the same data, ends as its uncrashed run did, with the data
 * consistent. The kill points come from the uncrashed run's own history (the engine kills
 * itself right after committing the chosen event: ENGINE_CRASH_AT), never from a timer,
 * and expectations come from that run too, never from state names written here.
 *
 * One engine process per kill: the process started after kill i resumes run i and then
 * carries kill point i+1 for the next run. Runs go one at a time, so each run's stock
 * change is its own.
 */
import { DescribeExecutionCommand, DescribeStateMachineCommand, StartExecutionCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { buildGraph } from '@/lib/asl/graph';
import { formatCrashPoint, LOCAL_SAGA_STATE_MACHINE_ARN, type CrashPoint } from '@/lib/env';
import { readExecution } from '@/lib/history/read-execution';
import { parseDefinition, toExecutionEvent } from '@/lib/sfn/reshape';
import { executionArn } from './arn';
import { fullHistory, historyShapeProblems, sagaData, statesVisited } from './testing/saga-checks';
import { freePort, spawnEngine, stopEngine } from './testing/spawn-engine';
import { sfnClientFor, tempDataDir } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';

const SCENARIOS = {
  happy: '{}',
  'fail-create': JSON.stringify({ body: JSON.stringify({ failCreateOrder: true }) }),
  'fail-inventory': JSON.stringify({ body: JSON.stringify({ failInventoryUpdate: true }) }),
  'fail-payment': JSON.stringify({ body: JSON.stringify({ failProcessPayment: true }) }),
};
type Scenario = keyof typeof SCENARIOS;
const KILLS_PER_SCENARIO = 5;
/** Events a kill follows: a state's entry and exit, its Lambda call starting and ending, a Fail state's entry. */
const KILL_EVENTS = new Set(['TaskStateEntered', 'LambdaFunctionStarted', 'LambdaFunctionSucceeded', 'LambdaFunctionFailed', 'TaskStateExited', 'FailStateEntered']);

const dataDir = tempDataDir();
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) await stopEngine(child);
  rmSync(dataDir, { recursive: true, force: true });
});

type Engine = { child: ChildProcess; sfn: SFNClient; exited: Promise<NodeJS.Signals | null> };

async function engineWith(ports: Record<string, string>, crashAt?: CrashPoint): Promise<Engine> {
  const child = await spawnEngine({ ...ports, ENGINE_DATA_DIR: dataDir, ...(crashAt ? { ENGINE_CRASH_AT: formatCrashPoint(crashAt) } : {}) });
  children.push(child);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  return { child, sfn: sfnClientFor(`http://127.0.0.1:${ports.ENGINE_PORT}`), exited };
}

/** Kill points spread over a run's history; every visited compensation state gets some. */
function killPoints(events: HistoryEvent[], isCompensation: (state: string) => boolean, executionName: string): CrashPoint[] {
  const candidates: CrashPoint[] = [];
  const seen = new Map<string, number>();
  let state = '';
  for (const event of events) {
    state = event.stateEnteredEventDetails?.name ?? state;
    if (!KILL_EVENTS.has(event.type!)) continue;
    const key = `${event.type}:${state}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    candidates.push({ eventType: event.type!, stateName: state, occurrence: seen.get(key)!, executionName });
  }
  const spread = (list: CrashPoint[], n: number) =>
    Array.from({ length: Math.min(n, list.length) }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / Math.min(n, list.length))]!);
  const rollback = candidates.filter((p) => isCompensation(p.stateName));
  if (rollback.length === 0) return spread(candidates, KILLS_PER_SCENARIO);
  const forwardShare = Math.floor(KILLS_PER_SCENARIO / 2);
  return [...spread(candidates.filter((p) => !isCompensation(p.stateName)), forwardShare), ...spread(rollback, KILLS_PER_SCENARIO - forwardShare)];
}

it('every blueprint scenario, killed at any of its history events and restarted, ends as uncrashed with the data consistent', async () => {
  const ports = { ENGINE_PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()) };
  const data = sagaData(`http://127.0.0.1:${ports.DYNAMODB_PORT}`);
  let engine = await engineWith(ports);
  const described = await engine.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN }));
  const definition = parseDefinition(described.definition);
  const roles = new Map(buildGraph(definition).nodes.map((n) => [n.id, n.role]));
  const isCompensation = (state: string) => roles.get(state) === 'compensation';

  const start = async (name: string, scenario: Scenario) => {
    const stockBefore = await data.stock();
    const started = engine.sfn.send(new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name, input: SCENARIOS[scenario] }));
    // A kill point early in the run can come before StartExecution's answer: the start
    // itself was committed first, so the execution exists all the same.
    const arn = executionArn(LOCAL_SAGA_STATE_MACHINE_ARN, name);
    await started.catch(async (error: unknown) => {
      const alive = await engine.sfn.send(new DescribeExecutionCommand({ executionArn: arn })).then(() => true, () => false);
      if (alive) throw error;
    });
    return { name, arn, stockBefore };
  };

  /** How a run ended and what it left, in terms that must not depend on where it was killed. */
  const ending = async (run: { name: string; arn: string; stockBefore: number }) => {
    const ended = await waitForEnd(engine.sfn, run.arn);
    const events = await fullHistory(engine.sfn, run.arn);
    expect(historyShapeProblems(events), run.name).toEqual([]);
    const records = await data.order(`ord-${run.name}`);
    const sku = await data.sku();
    // The invariants: no marker left on the SKU, no charge kept without a confirmed order,
    // no order left open once the execution ended (unless a compensation failed).
    const reading = readExecution(definition, events.map(toExecutionEvent));
    expect(sku.markers, `${run.name}: in-flight markers`).toEqual({ reservations: {}, stockBefore: {} });
    if (records.payment?.status === 'CHARGED') expect(records.order?.status, `${run.name}: charged`).toBe('CONFIRMED');
    if (reading.sagaOutcome !== 'COMPENSATION_FAILED') expect(records.order?.status, `${run.name}: order`).not.toBe('PENDING');
    return {
      outcome: { status: ended.status, error: ended.error, sagaOutcome: reading.sagaOutcome, lastState: statesVisited(events).at(-1) },
      data: {
        order: records.order?.status ?? 'NONE',
        payment: records.payment?.status ?? 'NONE',
        reservation: records.stock?.reservation?.status ?? 'NONE',
        notifications: records.notifications.map((n) => n.kind),
        stockChange: sku.available - run.stockBefore,
      },
      events,
    };
  };

  // The uncrashed runs: expectations and kill points.
  const plan: { scenario: Scenario; point: CrashPoint; expected: Omit<Awaited<ReturnType<typeof ending>>, 'events'> }[] = [];
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    const { events, ...expected } = await ending(await start(`base-${scenario}`, scenario));
    killPoints(events, isCompensation, '').forEach((point, i) => {
      plan.push({ scenario, point: { ...point, executionName: `crash-${scenario}-${i + 1}` }, expected });
    });
  }
  expect(new Set(plan.map((p) => p.scenario)).size).toBe(4);
  expect(plan.filter((p) => isCompensation(p.point.stateName)).length).toBeGreaterThan(0);
  for (const scenario of Object.keys(SCENARIOS)) expect(plan.filter((p) => p.scenario === scenario).length).toBeGreaterThanOrEqual(5);

  // Each engine carries the next kill point; the one after it resumes the killed run.
  engine.sfn.destroy();
  await stopEngine(engine.child);
  engine = await engineWith(ports, plan[0]!.point);
  for (const [i, { scenario, point, expected }] of plan.entries()) {
    const where = formatCrashPoint(point);
    const run = await start(point.executionName!, scenario);
    const signal = await Promise.race([engine.exited, waitForEnd(engine.sfn, run.arn).then(() => 'not killed' as const, () => engine.exited)]);
    expect(signal, `${where}: the engine should have killed itself there`).toBe('SIGKILL');
    engine.sfn.destroy();
    engine = await engineWith(ports, plan[i + 1]?.point);
    const { events: _events, ...got } = await ending(run);
    expect(got, where).toEqual(expected);
  }
  engine.sfn.destroy();
}, 300_000);
