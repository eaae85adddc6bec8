/**
 * Issue 7 bench: what live updates cost Step Functions as the audience grows, and what a
 * naive per-viewer 1 s poll costs and how late it is, for comparison.
 *
 * - Calls are counted at the engine (`GET /_stats`), where every viewer's calls end up,
 *   while 1 and then 50 viewers watch one running execution. A viewer does what a browser
 *   does against the dashboard: loads the execution page, then reads its SSE stream.
 * - Latency is from the engine's timestamp on a state event to the moment a client holds
 *   it: over SSE (the shared poller; the browser's render on top is live.bench.ts), and
 *   for 50 naive clients each calling GetExecutionHistory every second via the SDK.
 *
 * The execution is a chain of Wait states with random gaps (TimestampPath), so events do
 * not fall on a one-second grid that a 1 s poll could lock onto. Needs a production build
 * (scripts/start.ts builds one when stale). Prints JSON lines.
 */
import { CreateStateMachineCommand, GetExecutionHistoryCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile, print, readSse, runBench, slowChain, slowChainInput, startStack } from './support';
import { localSfnClient } from '../backend/engine/local-client';

const PORTS = { engine: 18483, dynamo: 18484, dashboard: 13400 };
const AUDIENCE = 50;
const WINDOW_MS = 10_000;
/** Waits and their random gaps: about 16 s of running, longer than any window. */
const WAITS = 45;
const GAP_MS = { min: 150, max: 550 };
const NAIVE_POLL_MS = 1_000;

const engineUrl = `http://127.0.0.1:${PORTS.engine}`;
const dashboardUrl = `http://localhost:${PORTS.dashboard}`;
const newClient = () => localSfnClient(engineUrl);

type StreamEvent = { id: number; type: string; timestamp: number };
type CallStats = { total: number; byOperation: Record<string, number> };

const isStateEvent = (type: string) => type.endsWith('StateEntered') || type.endsWith('StateExited');


async function createSlowMachine(sfn: SFNClient): Promise<string> {
  const out = await sfn.send(
    new CreateStateMachineCommand({ name: 'LiveLoadBench', definition: JSON.stringify(slowChain(WAITS)), roleArn: 'arn:aws:iam::000000000000:role/bench' }),
  );
  return out.stateMachineArn ?? '';
}

let runs = 0;
async function startSlowExecution(sfn: SFNClient, stateMachineArn: string): Promise<{ name: string; executionArn: string }> {
  const name = `live-load-${process.pid}-${++runs}`;
  const out = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: slowChainInput(WAITS, GAP_MS) }));
  return { name, executionArn: out.executionArn ?? '' };
}

async function engineStats(path = '/_stats', method = 'GET'): Promise<CallStats> {
  const res = await fetch(`${engineUrl}${path}`, { method });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  return (await res.json()) as CallStats;
}

/**
 * One viewer: the page, then its SSE stream until `signal` aborts. Returns every event id
 * received (to check for gaps and duplicates) and the delay of each state event that
 * happened after the stream opened.
 */
async function sseViewer(name: string, sm: string, signal: AbortSignal): Promise<{ ids: number[]; delays: number[] }> {
  const ids: number[] = [];
  const delays: number[] = [];
  const query = `sm=${encodeURIComponent(sm)}`;
  try {
    await (await fetch(`${dashboardUrl}/executions/${name}?${query}`, { signal })).text();
    const res = await fetch(`${dashboardUrl}/api/executions/${name}/stream?${query}&after=0`, { signal });
    const openedAt = Date.now();
    await readSse(res, (event, data, at) => {
      if (event !== 'events') return;
      for (const e of (JSON.parse(data) as { events: StreamEvent[] }).events) {
        ids.push(e.id);
        if (isStateEvent(e.type) && e.timestamp >= openedAt) delays.push(at - e.timestamp);
      }
    });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
  return { ids, delays };
}

/** `viewers` SSE viewers on a fresh running execution for one window; the engine's count of calls meanwhile. */
async function watchThroughDashboard(sfn: SFNClient, stateMachineArn: string, viewers: number) {
  const { name } = await startSlowExecution(sfn, stateMachineArn);
  await engineStats('/_stats/reset', 'POST');
  const began = performance.now();
  const stop = new AbortController();
  const watching = Array.from({ length: viewers }, () => sseViewer(name, stateMachineArn, stop.signal));
  await sleep(WINDOW_MS);
  const stats = await engineStats();
  const seconds = (performance.now() - began) / 1000;
  stop.abort();
  const seen = await Promise.all(watching);
  // Each viewer asked from event 0, so it must hold exactly 1..n, in order, once each.
  const broken = seen.filter(({ ids }) => ids.length === 0 || ids.some((id, i) => id !== i + 1)).length;
  return { callsPerSecond: stats.total / seconds, stats, broken, delays: seen.flatMap((s) => s.delays) };
}

/** `viewers` naive clients, each polling the whole history every second from a random moment. */
async function naivePolling(sfn: SFNClient, stateMachineArn: string, viewers: number) {
  const { executionArn } = await startSlowExecution(sfn, stateMachineArn);
  await engineStats('/_stats/reset', 'POST');
  const began = performance.now();
  const until = began + WINDOW_MS;
  const delays = await Promise.all(
    Array.from({ length: viewers }, async () => {
      const client = newClient();
      const known = new Set<number>();
      const mine: number[] = [];
      // Pages open at different moments, so their polls are out of step.
      await sleep(Math.random() * NAIVE_POLL_MS);
      for (let first = true; performance.now() < until; first = false) {
        const tick = performance.now();
        const { events = [] } = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
        const at = Date.now();
        for (const event of events) {
          if (event.id === undefined || known.has(event.id)) continue;
          known.add(event.id);
          // Events already there when the page opened came with the page, not with a poll.
          if (!first && isStateEvent(event.type ?? '') && event.timestamp) mine.push(at - event.timestamp.getTime());
        }
        await sleep(Math.max(0, NAIVE_POLL_MS - (performance.now() - tick)));
      }
      client.destroy();
      return mine;
    }),
  );
  const stats = await engineStats();
  return { callsPerSecond: stats.total / (WINDOW_MS / 1000), delays: delays.flat() };
}

/** One throwaway viewer, so the measured ones do not pay for compiling routes or the layout cache. */
async function warmUp(sfn: SFNClient, stateMachineArn: string) {
  const { name } = await startSlowExecution(sfn, stateMachineArn);
  const stop = new AbortController();
  const watching = sseViewer(name, stateMachineArn, stop.signal);
  await sleep(1_000);
  stop.abort();
  await watching;
}

async function main() {
  const stack = await startStack(PORTS);
  const sfn = newClient();
  try {
    const stateMachineArn = await createSlowMachine(sfn);
    await warmUp(sfn, stateMachineArn);
    const one = await watchThroughDashboard(sfn, stateMachineArn, 1);
    const many = await watchThroughDashboard(sfn, stateMachineArn, AUDIENCE);
    const naive = await naivePolling(sfn, stateMachineArn, AUDIENCE);

    const round = (n: number) => Math.round(n * 100) / 100;
    print('live_api_calls_per_s_1_viewer', round(one.callsPerSecond), 'calls/s');
    print(`live_api_calls_per_s_${AUDIENCE}_viewers`, round(many.callsPerSecond), 'calls/s');
    print(`live_api_calls_ratio_${AUDIENCE}_to_1`, round(many.callsPerSecond / one.callsPerSecond), 'x', '<=1.2');
    print('live_viewers_with_gaps_or_duplicates', one.broken + many.broken, 'count', '0');
    const sse = many.delays.sort((a, b) => a - b);
    print('live_sse_latency_samples', sse.length, 'count');
    print('live_sse_latency_p50_ms', Math.round(percentile(sse, 50)), 'ms');
    print('live_sse_latency_p95_ms', Math.round(percentile(sse, 95)), 'ms');
    print(`naive_1s_poll_api_calls_per_s_${AUDIENCE}_viewers`, round(naive.callsPerSecond), 'calls/s');
    const polled = naive.delays.sort((a, b) => a - b);
    print('naive_1s_poll_latency_samples', polled.length, 'count');
    print('naive_1s_poll_latency_p50_ms', Math.round(percentile(polled, 50)), 'ms');
    print('naive_1s_poll_latency_p95_ms', Math.round(percentile(polled, 95)), 'ms');
    console.error(`calls by operation: 1 viewer ${JSON.stringify(one.stats.byOperation)}; ${AUDIENCE} viewers ${JSON.stringify(many.stats.byOperation)}`);
  } finally {
    sfn.destroy();
    await stack.stop();
  }
}

runBench(main);
