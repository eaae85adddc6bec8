/**
 * The saga's code (what runs in Lambda on AWS and in-process locally) must not branch on
 * where it runs: the only differences allowed are the DynamoDB endpoint (lib/saga-data/clients.ts)
 * and the ARNs (definition.ts names the local ones; CDK substitutes the real ones).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

// The handlers, and the contract and data access they share with the dashboard.
const sagaSources = ['backend/saga', 'lib/saga', 'lib/saga-data'].flatMap((dir) => sourceFiles(join(REPO_ROOT, dir))).map((path) => ({
  file: relative(REPO_ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

const filesMatching = (pattern: RegExp) => sagaSources.filter((s) => pattern.test(s.text)).map((s) => s.file);

describe('the saga code runs unchanged locally and on AWS', () => {
  it('reads no environment itself (lib/env.ts does)', () => {
    expect(sagaSources.length).toBeGreaterThan(10);
    expect(filesMatching(/process\.env/)).toEqual([]);
  });

  it('has no local/AWS switch', () => {
    expect(filesMatching(/\b(isLocal|IS_LOCAL|isAws|LOCAL_MODE|AWS_LAMBDA_FUNCTION_NAME|AWS_EXECUTION_ENV|LAMBDA_TASK_ROOT)\b/)).toEqual([]);
  });

  it('mentions the endpoint only where the client is built, and local ARNs only where they are named', () => {
    expect(filesMatching(/\.dynamoEndpoint\b/)).toEqual(['lib/saga-data/clients.ts']);
    expect(filesMatching(/000000000000|127\.0\.0\.1|localhost/)).toEqual(['backend/saga/definition.ts']);
  });
});
