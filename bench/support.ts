/** Small helpers the browser benches share. */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumPath, childEnv } from '../lib/env';
import { waitForPort } from '../scripts/wait-for-port';

export const print = (metric: string, value: number, unit: string, goal?: string) =>
  console.log(JSON.stringify({ metric, value, unit, ...(goal ? { goal } : {}) }));

/** The value at the p-th percentile of an ascending list (NaN when it is empty). */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** The middle value (the upper one of an even count), NaN when empty; the input is not changed. */
export const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** Runs a bench's `main`; a failure prints its message and ends the process with exit code 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

export type StackPorts = { engine: number; dynamo: number; dashboard: number };

/**
 * The whole local stack (engine + production dashboard, fresh data) on the bench's own
 * ports, with `env` added to the dashboard's settings. `stop` tears it down.
 */
export async function startStack(ports: StackPorts, env: Record<string, string> = {}) {
  const server = spawn('node_modules/.bin/tsx', ['scripts/start.ts', '--fresh-data'], {
    env: childEnv({ ...env, ENGINE_PORT: String(ports.engine), DYNAMODB_PORT: String(ports.dynamo), PORT: String(ports.dashboard) }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  };
  try {
    await waitForPort(ports.engine, 60_000);
    await waitForPort(ports.dashboard, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

/** The stack, and a Chromium to look at it. `stop` tears both down. */
export async function startStackAndBrowser(ports: StackPorts, env: Record<string, string> = {}) {
  const stack = await startStack(ports, env);
  const executablePath = chromiumPath();
  const browser = await chromium
    .launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
    .catch(async (error: unknown) => {
      await stack.stop();
      throw error;
    });
  const stop = async () => {
    await browser.close();
    await stack.stop();
  };
  return { browser, stop };
}

/** Reads an SSE response, calling `onEvent(name, data, at)` per message, until it ends or aborts. */
export async function readSse(res: Response, onEvent: (event: string, data: string, at: number) => void): Promise<void> {
  if (!res.body) throw new Error(`no stream (HTTP ${res.status})`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const at = Date.now();
    buffer += value;
    for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
      const lines = buffer.slice(0, cut).split('\n');
      buffer = buffer.slice(cut + 2);
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
      if (event && data) onEvent(event, data, at);
    }
  }
}

/**
 * A machine of `waits` Wait states, each until a timestamp from its input: an execution that
 * emits events at a chosen pace for as long as a bench needs, with no Lambda in the way.
 */
export const slowChain = (waits: number) => ({
  StartAt: 'Wait1',
  States: Object.fromEntries(
    Array.from({ length: waits }, (_, i) => [
      `Wait${i + 1}`,
      { Type: 'Wait', TimestampPath: `$.t${i + 1}`, ...(i + 1 === waits ? { End: true } : { Next: `Wait${i + 2}` }) },
    ]),
  ),
});

/** The input of `slowChain(waits)`: each wait ends a random gap after the previous one, from `from`. */
export function slowChainInput(waits: number, gapMs: { min: number; max: number }, from = Date.now()): string {
  const input: Record<string, string> = {};
  let at = from;
  for (let i = 1; i <= waits; i++) {
    at += gapMs.min + Math.random() * (gapMs.max - gapMs.min);
    input[`t${i}`] = new Date(at).toISOString();
  }
  return JSON.stringify(input);
}
