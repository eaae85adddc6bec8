/**
 * The engine as a separate process, exactly as `npm run engine` runs it, for the restart
 * test (which must SIGKILL it) and the benchmark (which must not share its event loop).
 * One node process, no tsx wrapper, so a signal reaches the engine itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ENGINE_ENV, ENGINE_NODE_FLAGS } from '../node-flags';
import { childEnv } from '@/lib/env';

const ROOT = join(import.meta.dirname, '../../..');

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });


export class EngineStartError extends Error {
  override name = 'EngineStartError';
}

/** Resolves once the engine prints its ready line; rejects with its output if it exits first. */
export async function spawnEngine(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...ENGINE_NODE_FLAGS, '--import', 'tsx', 'backend/engine/main.ts'], {
    cwd: ROOT,
    env: childEnv({ ...ENGINE_ENV, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('engine listening on')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new EngineStartError(`engine exited (${code}) before it was ready:\n${output}`)));
  });
  return child;
}

export async function stopEngine(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
