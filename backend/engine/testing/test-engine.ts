/**
 * Test support: a real engine on a free port over a temporary data directory, and an
 * SDK client pointed at it, exactly as the dashboard would configure one.
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineConfig } from '@/lib/env';
import { localSfnClient } from '../local-client';
import { startEngine, type EngineOptions, type RunningEngine } from '../main';

export const TEST_ROLE_ARN = 'arn:aws:iam::000000000000:role/test';

export const testLambdaArn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

export const sfnClientFor = (url: string) => localSfnClient(url, { maxAttempts: 1 });

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'engine-test-'));

/** Test-only settings a test may turn on (ENGINE_THROTTLE_EVERY's equivalent). */
export type TestTuning = Pick<EngineConfig, 'throttleEvery'>;

export const testConfig = (dataDir: string, tuning: TestTuning = {}): EngineConfig => ({
  host: '127.0.0.1',
  port: 0,
  dynamoPort: 0,
  dataDir,
  region: 'us-east-1',
  ...tuning,
});

export interface TestEngine {
  readonly engine: RunningEngine;
  readonly sfn: SFNClient;
  readonly dataDir: string;
  /** stop (data kept) and start again over the same directory */
  restart(options?: EngineOptions): Promise<void>;
  /** stop and delete the data directory */
  stop(): Promise<void>;
}

export async function startTestEngine(
  options: EngineOptions = { saga: false },
  dataDir = tempDataDir(),
  tuning: TestTuning = {},
): Promise<TestEngine> {
  let engine = await startEngine(testConfig(dataDir, tuning), options);
  let sfn = sfnClientFor(engine.url);
  return {
    get engine() {
      return engine;
    },
    get sfn() {
      return sfn;
    },
    dataDir,
    async restart(next = options) {
      sfn.destroy();
      await engine.close();
      engine = await startEngine(testConfig(dataDir, tuning), next);
      sfn = sfnClientFor(engine.url);
    },
    async stop() {
      sfn.destroy();
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
