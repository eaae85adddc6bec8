/**
 * Recorded histories, the ground truth for the reader: the AWS recordings (./fixtures/aws,
 * a copy of the team's shared aws-histories, kept in the repo so a clone anywhere can test)
 * and the local engine's, one per saga outcome (./fixtures/engine, written by
 * `npm run record-fixtures`), in one format.
 * Test-only helper; fails loudly when a folder is missing, because a silently skipped
 * ground truth is worse than a red test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AslDefinition } from '@/lib/asl/types';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import type { HistoryEvent, SagaOutcome, StateStatus } from '../types';

export interface Fixture {
  file: string;
  path: string;
  definition: AslDefinition;
  events: HistoryEvent[];
  expected: {
    executionStatus: ExecutionStatus;
    /** given by the engine recordings, which exist to cover every outcome */
    sagaOutcome?: SagaOutcome;
    states: Record<string, { status: StateStatus; attempts?: number }>;
  };
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = path.join(here, '..', 'fixtures', 'aws');
export const ENGINE_FIXTURES_DIR = path.join(here, '..', 'fixtures', 'engine');

export function loadFixtures(dir = FIXTURES_DIR): Fixture[] {
  if (!existsSync(dir)) {
    throw new Error(`History fixtures not found at ${dir}: they are the reader's ground truth`);
  }
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const full = path.join(dir, file);
      return { file, path: full, ...(JSON.parse(readFileSync(full, 'utf8')) as Omit<Fixture, 'file' | 'path'>) };
    });
}

export const loadEngineFixtures = (): Fixture[] => loadFixtures(ENGINE_FIXTURES_DIR);
