/**
 * `npm start` supervises what it starts, on ports this test owns: kill -9 its engine with
 * sagas in flight and the engine comes back by itself on the same data while the dashboard
 * keeps serving, says the engine is down, and catches up; kill -9 the dashboard and the
 * engine is untouched while a new dashboard comes up. No execution is lost.
 */
import { ListExecutionsCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { LOCAL_SAGA_STATE_MACHINE_ARN, childEnv } from '@/lib/env';
import { E2E } from '../playwright.config';
import { waitForPort } from '../scripts/wait-for-port';
import { engineClient } from './engine-client';
import { ExecutionPage } from './pages/execution-page';

const dashboardUrl = `http://localhost:${E2E.supervisedDashboard}`;
const engineUrl = `http://127.0.0.1:${E2E.supervisedEngine}`;

/** `npm start` as a user runs it, with the pids it reports for each start of each process. */
class NpmStart {
  readonly pids: Record<'engine' | 'dashboard', number[]> = { engine: [], dashboard: [] };
  private readonly waiters: (() => void)[] = [];
  private readonly process: ChildProcess;

  constructor() {
    // One node process, no tsx wrapper: the SIGTERM of stop() reaches npm start's own handler.
    this.process = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--fresh-data'], {
      env: childEnv({
        ENGINE_PORT: String(E2E.supervisedEngine),
        DYNAMODB_PORT: String(E2E.supervisedDynamo),
        PORT: String(E2E.supervisedDashboard),
      }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    this.process.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const match of buffered.matchAll(/(engine|dashboard) started \(pid (\d+)\)/g)) {
        this.pids[match[1] as 'engine' | 'dashboard'].push(Number(match[2]));
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  /** Resolves once `name` has been started `count` times in all. */
  async started(name: 'engine' | 'dashboard', count: number): Promise<number> {
    while (this.pids[name].length < count) await new Promise<void>((wake) => this.waiters.push(wake));
    return this.pids[name].at(-1)!;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let npmStart: NpmStart;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  npmStart = new NpmStart();
  await waitForPort(E2E.supervisedEngine, 60_000);
  await waitForPort(E2E.supervisedDashboard, 120_000);
});
test.afterAll(() => npmStart.stop());

test('kill -9 of the engine or the dashboard under npm start: each comes back by itself, nothing lost', async ({ page }) => {
  test.setTimeout(180_000);
  const sfn = engineClient(engineUrl, { maxAttempts: 1 });
  const firstEngine = await npmStart.started('engine', 1);
  const firstDashboard = await npmStart.started('dashboard', 1);
  // A first page load compiles and warms the dashboard, so the execution page opens mid-run.
  await page.goto(dashboardUrl);
  const stamp = Date.now().toString(36);
  const names = [1, 2, 3].map((i) => `slow--sup${stamp}${i}`);
  for (const name of names) {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN,
        name,
        input: JSON.stringify({ orderId: name.slice('slow--'.length), latencyMs: 3_000 }),
      }),
    );
  }

  await page.goto(`${dashboardUrl}/executions/${encodeURIComponent(names[0]!)}`);
  const execution = new ExecutionPage(page);
  await execution.recordAttribute('live-status', 'data-state');
  await expect(page.locator('[data-status="RUNNING"]').first()).toBeVisible({ timeout: 30_000 });

  // The engine dies mid-step; nobody restarts it but npm start.
  process.kill(firstEngine, 'SIGKILL');
  const secondEngine = await npmStart.started('engine', 2);
  expect(secondEngine).not.toBe(firstEngine);
  // The dashboard was not touched, and the page did not reload: it says the engine was gone, then catches up.
  expect(isAlive(firstDashboard)).toBe(true);
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', /live|ended/, { timeout: 30_000 });
  expect(await execution.recordedAttribute('live-status', 'data-state')).toContain('unavailable');

  // The dashboard dies; the engine is untouched and a new dashboard serves the same page.
  process.kill(firstDashboard, 'SIGKILL');
  await npmStart.started('dashboard', 2);
  await waitForPort(E2E.supervisedDashboard, 60_000);
  expect(npmStart.pids.engine).toHaveLength(2);
  expect(isAlive(secondEngine)).toBe(true);
  await execution.expectOutcome('COMPLETED', 90_000);

  // Every execution started before the kills is there and finished.
  const listed = await sfn.send(new ListExecutionsCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN }));
  const ours = (listed.executions ?? []).filter((e) => names.includes(e.name!));
  expect(ours.map((e) => e.name).sort()).toEqual([...names].sort());
  await expect
    .poll(async () => {
      const again = await sfn.send(new ListExecutionsCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN }));
      return (again.executions ?? []).filter((e) => names.includes(e.name!)).map((e) => e.status);
    }, { timeout: 60_000 })
    .toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  sfn.destroy();
});
