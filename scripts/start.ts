/**
 * `npm start`: the local engine plus the dashboard, on a fresh clone after `npm ci`.
 * Builds the dashboard when there is no build or the sources are newer than it, starts
 * both processes with the dashboard pointed at the engine, prints the URL, and stops
 * both on Ctrl-C. Each is supervised on its own: an engine that dies is started again
 * on the same data (it resumes what was in flight) while the dashboard keeps serving and
 * says so; a dashboard that dies is started again and never takes the engine with it.
 *
 *   --dev         next dev instead of a production build
 *   --fresh-data  a throwaway engine data directory (tests, screenshots)
 *   --aws         the dashboard alone, on the stack `npm run deploy` wrote to infra/outputs.json
 *                 (`npm run start:aws`): no local engine, the SDK's own credentials
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsDashboardConfig, childEnv, childNodeOptions, engineConfig, startConfig } from '../lib/env';
import { ENGINE_ENV, ENGINE_NODE_FLAGS } from '../backend/engine/node-flags';
import { supervise, type Child, type Clock, type Supervised } from './supervise';
import { waitForPort } from './wait-for-port';

const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');
const aws = args.has('--aws');
const bin = (name: string) => join(process.cwd(), 'node_modules', '.bin', name);

const engine = engineConfig();
const { port, host, mode } = startConfig();
const dataDir = args.has('--fresh-data') ? mkdtempSync(join(tmpdir(), 'saga-engine-')) : engine.dataDir;

/** Newest modification time under the given paths, skipping generated folders. */
function newestSource(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (!entry.startsWith('.') && entry !== 'node_modules') visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

function buildIfStale(): void {
  const buildId = join('.next', 'BUILD_ID');
  const sources = ['app', 'components', 'lib', 'backend', 'next.config.ts', 'package.json', 'tsconfig.json'];
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource(sources)) return;
  console.log('Building the dashboard (next build)…');
  const build = spawnSync(bin('next'), ['build'], { stdio: 'inherit', env: childEnv({}) });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const supervised: Supervised[] = [];
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  const exit = () => {
    if (args.has('--fresh-data')) rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  // Give both a moment to flush (the engine persists state), then leave regardless.
  const force = setTimeout(() => {
    void Promise.all(supervised.map((s) => s.stop('SIGKILL'))).finally(exit);
  }, 5_000);
  force.unref();
  void Promise.all(supervised.map((s) => s.stop('SIGINT'))).then(exit);
}

const clock: Clock = { now: () => Date.now(), setTimeout: (callback, ms) => setTimeout(callback, ms) };

/**
 * V8 flags of the dashboard's server. A room of 500 phones opens 1,000 event streams and
 * loads /follow 500 times; V8's default semispaces then keep ~100 MB of young generation
 * resident for good. 8 MiB keep that to 16-24 MB: the follow bench's dashboard RSS went from
 * 515 to 424 MB, the same setting and reason as the engine's (backend/engine/node-flags.ts).
 */
const DASHBOARD_NODE_FLAGS = ['--max-semi-space-size=8'];

function run(name: string, command: string, commandArgs: string[], env: Record<string, string>, unset: readonly string[] = []): Supervised {
  const started = supervise({
    name,
    clock,
    log: (line) => console.error(line),
    start: (): Child => {
      const childEnvironment = childEnv(env);
      for (const key of unset) childEnvironment[key] = undefined;
      const child: ChildProcess = spawn(command, commandArgs, { stdio: 'inherit', env: childEnvironment });
      // Said on stdout so a test (or a person) can tell one run of a process from the next.
      console.log(`${name} started (pid ${child.pid})`);
      return {
        onExit: (listener) => child.once('exit', listener),
        kill: (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        },
      };
    },
  });
  supervised.push(started);
  return started;
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** The dashboard alone, pointed at AWS: none of the local engine's variables reach it. */
function startOnAws(): void {
  const config = awsDashboardConfig();
  if (!config.sagaStateMachineArn) {
    console.error('No saga on AWS to show: run `npm run deploy` first (it writes infra/outputs.json), or set SAGA_STATE_MACHINE_ARN.');
    process.exit(2);
  }
  const env: Record<string, string> = { PORT: String(port), NODE_OPTIONS: childNodeOptions(DASHBOARD_NODE_FLAGS) };
  run('dashboard', bin('next'), [dev ? 'dev' : 'start', '-p', String(port), '-H', host], env, ['SFN_ENDPOINT', 'DYNAMODB_ENDPOINT']);
  waitForPort(port, 120_000, reachable)
    .then(() => console.log(`\n  Saga dashboard (${mode}): ${dashboardUrl}   (${config.targetLabel}: ${config.sagaStateMachineArn})\n  Ctrl-C stops it.\n`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      stopAll(1);
    });
}

function startLocal(): void {
  const engineUrl = `http://${engine.host}:${engine.port}`;
  // One node process, no tsx wrapper: a kill of the engine is a kill of the engine, and its exit is seen here.
  run('engine', process.execPath, [...ENGINE_NODE_FLAGS, '--import', 'tsx', 'backend/engine/main.ts'], {
    ...ENGINE_ENV,
    ENGINE_HOST: engine.host,
    ENGINE_PORT: String(engine.port),
    DYNAMODB_PORT: String(engine.dynamoPort),
    ENGINE_DATA_DIR: dataDir,
  });
  // The dashboard starts once the engine answers, so whoever sees the dashboard up (a person,
  // Playwright's webServer check) can use it at once; later engine restarts it rides out.
  waitForPort(engine.port, 60_000, engine.host)
    .then(() => {
      // -H: a local dashboard is reachable from this machine only; a shared one where HOST says.
      run('dashboard', bin('next'), [dev ? 'dev' : 'start', '-p', String(port), '-H', host], {
        SFN_ENDPOINT: engineUrl,
        DYNAMODB_ENDPOINT: `http://${engine.host}:${engine.dynamoPort}`,
        PORT: String(port),
        NODE_OPTIONS: childNodeOptions(DASHBOARD_NODE_FLAGS),
        // The follow view's current execution lives and goes with the engine's data.
        FOLLOW_FILE: join(dataDir, 'dashboard-follow.json'),
      });
      return waitForPort(port, 120_000, reachable);
    })
    .then(() => console.log(`\n  Saga dashboard (${mode}): ${dashboardUrl}   (engine: ${engineUrl})\n  Ctrl-C stops both; either one that dies is restarted.\n`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      stopAll(1);
    });
}

/** Where this machine reaches the dashboard, and the address to print. */
const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const dashboardUrl = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;

if (!dev) buildIfStale();
if (aws) startOnAws();
else startLocal();
