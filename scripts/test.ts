/**
 * `npm test`: every check the project has, in order, on a fresh machine.
 * Runs all steps even after a failure (one red step shouldn't hide another), then
 * prints the closing line CI reads: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from '../lib/env';

const resultsDir = join('.data', 'test-results');
const vitestJson = join(resultsDir, 'vitest.json');
const playwrightJson = join(resultsDir, 'playwright.json');

type Step = { name: string; cmd: string; args: string[]; env?: Record<string, string> };

const steps: Step[] = [
  { name: 'browser', cmd: 'bash', args: ['scripts/ensure-chromium.sh'] },
  // Route types (PageProps etc.) come from Next's typegen; a fresh clone has none yet.
  { name: 'route types', cmd: 'next', args: ['typegen'] },
  { name: 'typecheck', cmd: 'tsc', args: ['--noEmit', '-p', '.'] },
  // Type-aware, so after route types; any warning fails it (--max-warnings 0 in the script).
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  {
    name: 'unit',
    cmd: 'vitest',
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  },
  { name: 'cdk synth', cmd: 'npm', args: ['run', '-s', 'synth'] },
  { name: 'build', cmd: 'next', args: ['build'] },
  {
    name: 'e2e',
    cmd: 'playwright',
    args: ['test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson },
  },
];

function readJson(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

type VitestReport = { testResults?: { name?: string; assertionResults?: { status?: string; fullName?: string; failureMessages?: string[] }[] }[] };
type PwSuite = { title?: string; file?: string; suites?: PwSuite[]; specs?: { title?: string; line?: number; tests?: { status?: string }[] }[] };

function failedTestNames(vitest: Record<string, unknown> | undefined, pw: Record<string, unknown> | undefined): string[] {
  const names: string[] = [];
  for (const file of (vitest as VitestReport | undefined)?.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status !== 'failed') continue;
      const first = (t.failureMessages?.[0] ?? '').split('\n')[0]?.slice(0, 300);
      names.push(`${file.name ?? '?'} › ${t.fullName ?? '?'} — ${first}`);
    }
  }
  const walk = (suite: PwSuite, file: string): void => {
    for (const spec of suite.specs ?? []) {
      if (spec.tests?.some((t) => t.status === 'unexpected')) names.push(`${file}:${spec.line ?? '?'} › ${spec.title ?? '?'}`);
    }
    for (const child of suite.suites ?? []) walk(child, suite.file ?? file);
  };
  for (const suite of ((pw?.suites ?? []) as PwSuite[])) walk(suite, suite.file ?? '?');
  return names;
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: childEnv(step.env ?? {}) });
  if (run.status !== 0) failedSteps.push(step.name);
}

const vitest = readJson(vitestJson);
const pw = readJson(playwrightJson);
const pwStats = (pw?.stats ?? {}) as Record<string, unknown>;
const passed = num(vitest?.numPassedTests) + num(pwStats.expected) + num(pwStats.flaky);
const failed = num(vitest?.numFailedTests) + num(pwStats.unexpected);
const skipped = num(vitest?.numPendingTests) + num(vitest?.numTodoTests) + num(pwStats.skipped);

// CI keeps only the tail of the output, so the names of failed tests are repeated here.
for (const name of failedTestNames(vitest, pw)) console.log(`failed: ${name}`);

console.log('');
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
// A failed step that ran no counted test (typecheck, synth, build) still counts as one failure.
const stepFailuresWithoutTests = failedSteps.filter((s) => !['unit', 'e2e'].includes(s)).length;
console.log(`${passed} passed, ${failed + stepFailuresWithoutTests} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
