/**
 * The recorded AWS histories (../shared/fixtures/aws-histories, next to the repo): the
 * ground truth for the reader. Test-only helper; fails loudly when the folder is missing,
 * because a silently skipped ground truth is worse than a red test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AslDefinition } from '../asl/types';
import type { ExecutionStatus, HistoryEvent, StateStatus } from './types';

export interface Fixture {
  file: string;
  path: string;
  definition: AslDefinition;
  events: HistoryEvent[];
  expected: {
    executionStatus: ExecutionStatus;
    states: Record<string, { status: StateStatus; attempts?: number }>;
  };
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES_DIR = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'aws-histories');

export function loadFixtures(): Fixture[] {
  if (!existsSync(FIXTURES_DIR)) {
    throw new Error(`AWS history fixtures not found at ${FIXTURES_DIR}: they are the reader's ground truth`);
  }
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const full = path.join(FIXTURES_DIR, file);
      return { file, path: full, ...(JSON.parse(readFileSync(full, 'utf8')) as Omit<Fixture, 'file' | 'path'>) };
    });
}
