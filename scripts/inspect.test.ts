import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngineFixtures, loadFixtures } from '../lib/history/testing/fixtures';
import { parseArgs, runInspect, UsageError } from './inspect-run';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
const fixtures = loadFixtures();
const engineFixtures = loadEngineFixtures();
const dir = mkdtempSync(path.join(tmpdir(), 'inspect-test-'));
const bundle = path.join(dir, 'inspect.mjs');
const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

/** The CLI's exit code and output, never rejecting on a non-zero exit. */
async function spawnCli(cmd: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** What `expected` says, in the CLI's shape: attempts only above 1. */
const expectedOutput = (f: (typeof fixtures)[number]) => ({
  executionStatus: f.expected.executionStatus,
  ...(f.expected.sagaOutcome ? { sagaOutcome: f.expected.sagaOutcome } : {}),
  states: f.expected.states,
});

beforeAll(async () => {
  // tsx needs ~1 s per start on these machines; the same code bundled starts in ~50 ms.
  await build({ entryPoints: [path.join(repo, 'scripts/inspect.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inspect CLI over the recorded AWS and local engine histories', () => {
  it.concurrent.each([...fixtures, ...engineFixtures].map((f) => [f.file, f] as const))('%s prints the expected reading', async (_file, fixture) => {
    const { code, stdout, stderr } = await spawnCli(process.execPath, [bundle, fixture.path]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const output = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(output).toMatchObject(expectedOutput(fixture));
    expect(output.states).toEqual(fixture.expected.states);
    expect(typeof output.sagaOutcome).toBe('string');
  });
});

describe('inspect CLI over redriven runs', () => {
  const redrivenAbort = engineFixtures.find((f) => f.file === 'redriven_after_abort.json');
  const events = redrivenAbort?.events ?? [];
  const redrivenAt = events.findIndex((e) => e.type === 'ExecutionRedriven') + 1;

  it('reads a saga stopped in UpdateInventory and redriven as completed, every forward state SUCCEEDED', async () => {
    const { code, stdout } = await spawnCli(process.execPath, [bundle, redrivenAbort?.path ?? '']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { executionStatus: string; sagaOutcome: string; redriveCount: number; states: Record<string, { status: string }> };
    expect(output).toMatchObject({ executionStatus: 'SUCCEEDED', sagaOutcome: 'COMPLETED', redriveCount: 1 });
    for (const name of ['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify', 'OrderConfirmed']) expect(output.states[name]?.status).toBe('SUCCEEDED');
  });

  it('--at N reads the execution as it stood after N events: stopped before the redrive, running just after it', async () => {
    const stopped = await runInspect([redrivenAbort?.path ?? '', '--at', String(redrivenAt - 1)]);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ executionStatus: 'ABORTED', sagaOutcome: 'ABORTED', states: { UpdateInventory: { status: 'ABORTED' } } });
    const resumed = await runInspect([redrivenAbort?.path ?? '', `--at=${redrivenAt + 1}`]);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ executionStatus: 'RUNNING', redriveCount: 1, states: { UpdateInventory: { status: 'RUNNING' } } });
    const table = await runInspect([redrivenAbort?.path ?? '', '--format', 'table']);
    expect(table.stdout).toMatch(/redrives: 1/);
    expect(table.stdout).toMatch(/UpdateInventory\s+Task\s+forward\s+SUCCEEDED\s+1\s+2/);
  });
});

describe('inspect CLI through npm run', () => {
  it('answers `npm run -s inspect -- FILE --format table` and exits 0', async () => {
    const f = fixtures.find((x) => x.file.startsWith('08_'));
    const { code, stdout } = await spawnCli('npm', ['run', '-s', 'inspect', '--', f?.path ?? '', '--format', 'table']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^execution: SUCCEEDED {3}saga: COMPLETED/);
    expect(stdout).toMatch(/InvokeLambdaWithRetry\s+Task\s+forward\s+CAUGHT\s+4/);
  });

  it('exits 2 with one line on stderr for a missing file', async () => {
    const { code, stdout, stderr } = await spawnCli(path.join(repo, 'node_modules/.bin/tsx'), ['scripts/inspect.ts', 'no/such.json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('inspect: cannot read file no/such.json (ENOENT)\n');
  });
});

describe('inspect CLI on bad input', () => {
  const history = { events: fixtures[0]?.events };
  it.each([
    ['no FILE', [], /missing FILE/],
    ['an unknown flag', ['x.json', '--verbose'], /unknown option --verbose/],
    ['a bad format', ['x.json', '--format', 'xml'], /--format must be json or table/],
    ['a flag without value', ['x.json', '--definition'], /--definition needs a value/],
    ['two files', ['a.json', 'b.json'], /one FILE only/],
    ['--at 0', ['x.json', '--at', '0'], /--at must be a whole number of events from 1, not "0"/],
    ['--at not a number', ['x.json', '--at=ten'], /--at must be a whole number/],
  ])('rejects %s', async (_case, argv, pattern) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    const result = await runInspect(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
  });

  it.each([
    ['invalid JSON', () => [file('bad.json', '{"events": [')], /is not valid JSON/],
    ['events not an array', () => [file('obj.json', { events: 5, definition: fixtures[0]?.definition })], /"events" must be an array/],
    ['history without definition', () => [file('h.json', history)], /no definition/],
    ['a definition that is not ASL', () => [file('h2.json', history), '--definition', file('d.json', { StartAt: 'Nope', States: {} })], /definition: .*has no States/],
  ])('exits 2 with one stderr line for %s', async (_case, argv, pattern) => {
    const result = await runInspect(argv());
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads get-execution-history output with describe-state-machine-for-execution output, --definition=FILE form too', async () => {
    const f = fixtures.find((x) => x.file.startsWith('32_'));
    const events = file('history.json', { events: f?.events });
    const described = file('described.json', { stateMachineArn: 'arn:sm', definition: JSON.stringify(f?.definition) });
    const result = await runInspect([events, `--definition=${described}`]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ executionStatus: 'SUCCEEDED', states: f?.expected.states });
  });

  it('never crashes on random JSON, answering 0 or 2', async () => {
    const json = fc.oneof(
      fc.jsonValue(),
      fc.record({ definition: fc.constantFrom(...fixtures.map((f) => f.definition)), events: fc.array(fc.jsonValue(), { maxLength: 8 }) }),
    );
    await fc.assert(
      fc.asyncProperty(json, async (value) => {
        const result = await runInspect([file('random.json', JSON.stringify(value))]);
        expect([0, 2]).toContain(result.code);
      }),
      { numRuns: 150 },
    );
  });
});
