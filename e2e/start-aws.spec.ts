/**
 * `npm run start:aws` starts the dashboard alone, on the stack `npm run deploy` described in
 * its outputs file. An engine of this test's own stands in for AWS (AWS_ENDPOINTS_FOR_TESTS
 * is the only way to point AWS mode anywhere else), so the test sees that no engine is
 * started (nothing listens where `npm start` would put one) and that the dashboard reads
 * the machine the outputs file names.
 */
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEngine, stopEngine } from '../backend/engine/testing/spawn-engine';
import { LOCAL_SAGA_STATE_MACHINE_ARN, childEnv } from '@/lib/env';
import { E2E } from '../playwright.config';
import { accepts, waitForPort } from '../scripts/wait-for-port';
import { engineClient } from './engine-client';
import { ExecutionPage } from './pages/execution-page';

/** The command lines of every process started under `root` (ps reads the same on Linux and macOS). */
function descendants(root: number): string[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .flatMap((line) => {
      const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
      return match ? [{ pid: Number(match[1]), ppid: Number(match[2]), args: match[3] ?? '' }] : [];
    });
  const found: string[] = [];
  const parents = [root];
  while (parents.length > 0) {
    const parent = parents.pop();
    for (const row of rows.filter((r) => r.ppid === parent)) {
      found.push(row.args);
      parents.push(row.pid);
    }
  }
  return found;
}

const dir = mkdtempSync(join(tmpdir(), 'saga-e2e-aws-'));
const engineUrl = `http://127.0.0.1:${E2E.awsEngine}`;
let standIn: ChildProcess;
let startAws: ChildProcess;
let output = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  standIn = await spawnEngine({ ENGINE_PORT: String(E2E.awsEngine), DYNAMODB_PORT: String(E2E.awsDynamo), ENGINE_DATA_DIR: join(dir, 'data') });
  // What `cdk deploy --outputs-file` writes: the stack's outputs by stack name.
  const outputs = join(dir, 'outputs.json');
  writeFileSync(outputs, JSON.stringify({ OrderSagaStack: { OrderSagaStateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN } }));
  startAws = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--aws'], {
    env: childEnv({
      PORT: String(E2E.awsDashboard),
      SAGA_OUTPUTS_FILE: outputs,
      AWS_ENDPOINTS_FOR_TESTS: `sfn=${engineUrl},dynamodb=http://127.0.0.1:${E2E.awsDynamo}`,
      // Where a local engine and its DynamoDB would listen: ports of this test's own, so
      // finding them closed says start:aws started none (not that someone else's is elsewhere).
      ENGINE_PORT: String(E2E.awsIdleEngine),
      DYNAMODB_PORT: String(E2E.awsIdleDynamo),
      // The local engine's address must not leak into AWS mode.
      SFN_ENDPOINT: 'http://127.0.0.1:1',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
    }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  startAws.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(E2E.awsDashboard, 150_000);
});

test.afterAll(async () => {
  if (startAws.exitCode === null) {
    const exited = new Promise((resolve) => startAws.once('exit', resolve));
    startAws.kill('SIGTERM');
    await exited;
  }
  await stopEngine(standIn);
  rmSync(dir, { recursive: true, force: true });
});

test('npm run start:aws: the dashboard alone, on the machine the outputs file names', async ({ page }) => {
  expect(output).toMatch(/dashboard started \(pid \d+\)/);
  expect(output).not.toContain('engine started');
  // With the dashboard up: among start:aws's processes a dashboard and no engine, and nothing
  // listens where `npm start` puts its engine and DynamoDB.
  const processes = descendants(startAws.pid ?? 0);
  // `next start` names its process next-server once it runs.
  expect(processes.some((args) => /next-server|next(\.js)? start/.test(args)), processes.join('\n')).toBe(true);
  expect(processes.filter((args) => args.includes('backend/engine/main.ts'))).toEqual([]);
  expect(await accepts('127.0.0.1', E2E.awsIdleEngine)).toBe(false);
  expect(await accepts('127.0.0.1', E2E.awsIdleDynamo)).toBe(false);
  expect(output).toContain(LOCAL_SAGA_STATE_MACHINE_ARN);

  const { executionArn } = await engineClient(engineUrl).send(
    new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name: 'happy--aws-mode-1', input: '{}' }),
  );
  expect(executionArn).toBeDefined();
  await page.goto(`http://127.0.0.1:${E2E.awsDashboard}/executions/happy--aws-mode-1`);
  await new ExecutionPage(page).expectOutcome('COMPLETED');
});
