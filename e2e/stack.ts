/**
 * An engine and a dashboard that one test owns, so it can kill -9 either and start it
 * again on the same ports and data, as a crash and a restart would. The shared stack of
 * playwright.config.ts must stay up for every other test, so it is never used for this.
 */
import { test } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEngine, stopEngine } from '../backend/engine/testing/spawn-engine';
import { childEnv } from '@/lib/env';
import { waitForPort } from '../scripts/wait-for-port';

export type StackPorts = { engine: number; dynamo: number; dashboard: number };

const kill = async (child: ChildProcess | undefined) => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
};

export class OwnStack {
  private engine: ChildProcess | undefined;
  private dashboard: ChildProcess | undefined;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'saga-e2e-own-'));

  constructor(
    private readonly ports: StackPorts,
    /** ENGINE_THROTTLE_EVERY for the engine: every Nth history read, describe or start is refused */
    private readonly throttleEvery?: number,
    /** more environment for the dashboard (its access mode, say) and where it listens */
    private readonly dashboard_: { env?: Record<string, string>; host?: string } = {},
  ) {}

  get baseURL(): string {
    return `http://127.0.0.1:${this.ports.dashboard}`;
  }

  get engineEndpoint(): string {
    return `http://127.0.0.1:${this.ports.engine}`;
  }

  async startEngine(): Promise<void> {
    this.engine = await spawnEngine({
      ENGINE_PORT: String(this.ports.engine),
      DYNAMODB_PORT: String(this.ports.dynamo),
      ENGINE_DATA_DIR: this.dataDir,
      ...(this.throttleEvery ? { ENGINE_THROTTLE_EVERY: String(this.throttleEvery) } : {}),
    });
  }

  /** `next start` on the build the shared stack made (it starts first and builds when stale). */
  async startDashboard(): Promise<void> {
    const host = this.dashboard_.host ?? '127.0.0.1';
    this.dashboard = spawn(join(process.cwd(), 'node_modules/.bin/next'), ['start', '-p', String(this.ports.dashboard), '-H', host], {
      env: childEnv({
        SFN_ENDPOINT: this.engineEndpoint,
        DYNAMODB_ENDPOINT: `http://127.0.0.1:${this.ports.dynamo}`,
        PORT: String(this.ports.dashboard),
        ...this.dashboard_.env,
      }),
      stdio: 'ignore',
    });
    await waitForPort(this.ports.dashboard, 60_000);
  }

  async killEngine(): Promise<void> {
    await kill(this.engine);
  }

  async killDashboard(): Promise<void> {
    await kill(this.dashboard);
  }

  async stop(): Promise<void> {
    await kill(this.dashboard);
    if (this.engine) await stopEngine(this.engine);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * A spec's own stack: started before its first test and stopped after its last. The 120 s
 * is a ceiling for starting an engine and a dashboard on a loaded machine, not a wait.
 */
export function ownStackForThisSpec(stack: OwnStack): void {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await stack.startEngine();
    await stack.startDashboard();
  });
  test.afterAll(() => stack.stop());
}
