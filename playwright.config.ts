/**
 * Browser tests against the real thing: the local engine and the production build of the
 * dashboard, on test ports with a throwaway data directory. A second dashboard points at
 * a dead engine port, so "engine down" is tested without stopping anything.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath, e2ePortOffset } from './lib/env';

const offset = e2ePortOffset();

export const E2E = {
  engine: 18183 + offset,
  dynamo: 18184 + offset,
  dashboard: 13100 + offset,
  /** a dashboard whose engine is never started */
  deadDashboard: 13101 + offset,
  deadEngine: 18199 + offset,
  /** a stack a test owns, to kill and restart: e2e/stack.ts */
  ownEngine: 18185 + offset,
  ownDynamo: 18186 + offset,
  ownDashboard: 13102 + offset,
  /** `npm start` itself, supervising its engine and dashboard: e2e/supervised.spec.ts */
  supervisedEngine: 18187 + offset,
  supervisedDynamo: 18188 + offset,
  supervisedDashboard: 13103 + offset,
  /** the batch spec's own stack: its invariants span every order in the tables, so no other spec may add any */
  batchEngine: 18189 + offset,
  batchDynamo: 18190 + offset,
  batchDashboard: 13104 + offset,
  /** a shared-mode dashboard (sign-in, allow-list) on an engine of its own: e2e/access.spec.ts */
  accessEngine: 18191 + offset,
  accessDynamo: 18192 + offset,
  accessDashboard: 13111 + offset,
  /** `npm run start:aws` against an engine standing in for AWS: e2e/start-aws.spec.ts */
  awsEngine: 18193 + offset,
  awsDynamo: 18194 + offset,
  awsDashboard: 13112 + offset,
  /** where start:aws would put a local engine if it started one: it must stay closed */
  awsIdleEngine: 18195 + offset,
  awsIdleDynamo: 18196 + offset,
} as const;

const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  testIgnore: '**/screenshots.spec.ts',
  // Two cores shared with the engine and Next: two workers keep runs quick and stable.
  workers: 2,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${E2E.dashboard}`,
    trace: 'retain-on-failure',
    viewport: { width: 1600, height: 1000 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1600, height: 1000 },
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // Builds when stale, then starts engine + dashboard; SIGTERM lets it remove its temp data.
      command: 'tsx scripts/start.ts --fresh-data',
      env: { ENGINE_PORT: String(E2E.engine), DYNAMODB_PORT: String(E2E.dynamo), PORT: String(E2E.dashboard) },
      url: `http://localhost:${E2E.dashboard}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 8_000 },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Started after the first, so the build it needs exists.
      command: `next start -p ${E2E.deadDashboard}`,
      env: {
        SFN_ENDPOINT: `http://127.0.0.1:${E2E.deadEngine}`,
        DYNAMODB_ENDPOINT: `http://127.0.0.1:${E2E.deadEngine + 1}`,
      },
      url: `http://localhost:${E2E.deadDashboard}/`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
      stdout: 'ignore',
    },
  ],
});
