/**
 * Issue 13 benches: replay and the follow view.
 *
 * - `replay_seek_25k_p95_ms`: a 25,000-event history opened on the import page; the replay
 *   slider is moved to random positions, each timed from the input event to the frame that
 *   shows the graph at that position (one frame after the DOM says so, as detail.bench does).
 * - `follow_500_viewers_*`: the presenter shows a running execution to the room (the real
 *   "Show this execution to the room" button); then 1, and then 500, viewers do what a phone
 *   on `/follow` does: load the page, then hold its two streams (the follow stream and the
 *   execution's shared event stream). Step Functions calls are counted by the engine
 *   (`GET /_stats`) over the same window for each; latency is engine event time → a viewer
 *   holding it; the dashboard's RSS (its process tree) is sampled during the 500.
 * (`execution_page_25k_ready_median_ms` is printed by detail.bench.ts.)
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStateMachineCommand, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { GENERATED_HISTORY_DEFINITION, generateHistory } from '../lib/history/testing/generate-history';
import { percentile, print, readSse, runBench, slowChain, slowChainInput, startStackAndBrowser } from './support';
import { localSfnClient } from '../backend/engine/local-client';
import { statusOnlyStreamUrl } from '../lib/live/status-only';

const PORTS = { engine: 18883, dynamo: 18884, dashboard: 13800 };
const EVENTS = 25_000;
const SEEKS = 40;
const AUDIENCE = 500;
const FOLLOW_MACHINE = 'FollowBench';
const WINDOW_MS = 10_000;
/** Waits and their random gaps: over a minute of running, longer than 500 page loads and a window. */
const WAITS = 240;
const GAP_MS = { min: 150, max: 450 };

const engineUrl = `http://127.0.0.1:${PORTS.engine}`;
const dashboardUrl = `http://localhost:${PORTS.dashboard}`;
const KEEP_NAMES_SHIM = 'window.__name = (fn) => fn;';

/** Seeks in the page: sets the slider the way a drag does, waits for the painted frame. */
async function seekTimes(page: Page, positions: number[]): Promise<number[]> {
  return page.evaluate(async (targets) => {
    const slider = document.querySelector('[data-testid=replay-slider]') as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const times: number[] = [];
    for (const target of targets) {
      const start = performance.now();
      setValue?.call(slider, String(target));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        await frame();
        const shown = document.querySelector('[data-testid=replay-position]')?.getAttribute('data-position');
        if (shown === String(target)) break;
        if (performance.now() - start > 10_000) throw new Error(`position ${target} not shown after 10 s`);
      }
      // The frame that shows it is painted before the next frame's callback runs.
      await frame();
      times.push(performance.now() - start);
    }
    return times;
  }, positions);
}

async function replaySeek(page: Page, file: string): Promise<number[]> {
  await page.addInitScript({ content: KEEP_NAMES_SHIM });
  await page.goto(`${dashboardUrl}/import`);
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('replay-slider').waitFor();
  await page.locator('.react-flow__node').first().waitFor();
  const positions = Array.from({ length: SEEKS + 5 }, () => 1 + Math.floor(Math.random() * (EVENTS - 1)));
  // The first few warm the code paths; they are not counted.
  return (await seekTimes(page, positions)).slice(5);
}


let runs = 0;
async function startSlow(sfn: SFNClient, stateMachineArn: string): Promise<string> {
  const name = `follow-${process.pid}-${++runs}`;
  await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: slowChainInput(WAITS, GAP_MS, Date.now() + 3_000) }));
  return name;
}

/** The presenter's click: this execution is the room's now. */
async function showToRoom(page: Page, name: string, sm: string): Promise<void> {
  await page.goto(`${dashboardUrl}/executions/${name}?sm=${encodeURIComponent(sm)}`);
  await page.getByTestId('audience-link').click();
  await page.getByTestId('audience-show').click();
  await page.getByRole('status').filter({ hasText: 'follows' }).waitFor();
}

type StreamEvent = { id: number; type: string; timestamp: number };

/** Requests retried after a reset connection, as a browser retries them (see `fetchAsPhone`). */
let retries = 0;

/**
 * A GET as a phone's browser makes it. The bench's 500 viewers share one client connection
 * pool, so a request may go out on a kept-alive connection the server is closing just then;
 * a browser retries a request whose reused connection was reset before any answer (and an
 * EventSource reconnects anyway), so this does too, and counts it.
 */
async function fetchAsPhone(url: string, signal: AbortSignal): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { signal });
    } catch (error) {
      const code = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException).code : undefined;
      if (signal.aborted || code !== 'ECONNRESET' || attempt >= 3) throw error;
      retries += 1;
    }
  }
}

/**
 * One phone on /follow: the page, then the follow stream, which says what the presenter
 * shows, and then the followed execution's event stream (the address the follow view uses:
 * the shared stream, without payloads). `loaded` settles once the phone knows what to show
 * (whether it is the expected execution); `connected` once the execution's stream answers
 * (or the viewer failed); `outcome` once the streams end, with the error that ended them
 * early, if one did. Each delay is kept with its event's time, so the room's latency can
 * count only events after all are connected.
 */
function followViewer(expected: string, sm: string, signal: AbortSignal) {
  const delays: { at: number; delay: number }[] = [];
  let markLoaded: (followed: boolean) => void = () => {};
  const loaded = new Promise<boolean>((resolve) => (markLoaded = resolve));
  let markConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  const run = async () => {
    try {
      const page = await fetchAsPhone(`${dashboardUrl}/follow`, signal);
      await page.text();
      if (!page.ok) throw new Error(`/follow answered HTTP ${String(page.status)}`);
      let told: (name: string) => void = () => {};
      const followed = new Promise<string>((resolve) => (told = resolve));
      const follow = await fetchAsPhone(`${dashboardUrl}/api/follow/stream`, signal);
      await Promise.all([
        readSse(follow, (event, data) => {
          if (event === 'follow') told((JSON.parse(data) as { name?: string }).name ?? '');
        }),
        followed.then(async (name) => {
          markLoaded(name === expected);
          const res = await fetchAsPhone(`${dashboardUrl}${statusOnlyStreamUrl(`/api/executions/${expected}/stream?sm=${encodeURIComponent(sm)}`)}&after=0`, signal);
          const openedAt = Date.now();
          markConnected();
          return readSse(res, (event, data, at) => {
            if (event !== 'events') return;
            for (const e of (JSON.parse(data) as { events: StreamEvent[] }).events) {
              if (e.type.endsWith('StateEntered') && e.timestamp >= openedAt) delays.push({ at: e.timestamp, delay: at - e.timestamp });
            }
          });
        }),
      ]);
    } catch (error) {
      markLoaded(false);
      markConnected();
      if (!signal.aborted) throw error;
    }
  };
  // Handled at once: a viewer that fails while the others still load must not end the process
  // as an unhandled rejection (which also left the stack running).
  const outcome = run().then(
    () => ({ delays, error: undefined }),
    (error: unknown) => ({ delays, error }),
  );
  return { loaded, connected, outcome };
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);

/**
 * RSS of the dashboard: the Next server on our port and its children, from /proc. The server
 * renames itself (`next-server (vX)`), so it is found by its environment's PORT, not its
 * command line. NaN when it is not found.
 */
function dashboardRssMb(): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const parentOf = new Map<string, string>();
  const rssOf = new Map<string, number>();
  const servers = new Set<string>();
  for (const pid of procs) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parentOf.set(pid, /PPid:\s+(\d+)/.exec(status)?.[1] ?? '');
      rssOf.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      if (cmd.includes('next') && readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`PORT=${String(PORTS.dashboard)}`)) servers.add(pid);
    } catch {
      // gone meanwhile
    }
  }
  const root = [...servers].find((pid) => !servers.has(parentOf.get(pid) ?? ''));
  if (!root) return Number.NaN;
  let kb = 0;
  for (const pid of rssOf.keys()) {
    for (let p: string | undefined = pid; p; p = parentOf.get(p)) {
      if (p === root) {
        kb += rssOf.get(pid) ?? 0;
        break;
      }
    }
  }
  return kb / 1024;
}

async function engineCalls(reset = false): Promise<number> {
  const res = await fetch(`${engineUrl}/_stats${reset ? '/reset' : ''}`, { method: reset ? 'POST' : 'GET' });
  return ((await res.json()) as { total: number }).total;
}

/**
 * `viewers` phones on the presenter's fresh execution: all load the page, then watch for
 * WINDOW_MS. Calls are counted from the first page load to the end of the window, per
 * second, so a slow storm of page loads is counted in, not left out. Latency counts the
 * events of that window, once every viewer's stream is open: the issue's "engine event →
 * client" while the room watches, not while the last phones are still loading the page.
 */
async function watch(page: Page, sfn: SFNClient, sm: string, viewers: number) {
  const name = await startSlow(sfn, sm);
  await showToRoom(page, name, sm);
  await engineCalls(true);
  const began = performance.now();
  const stop = new AbortController();
  let rss = 0;
  const sampler = setInterval(() => {
    rss = Math.max(rss, dashboardRssMb());
  }, 500);
  const watching = Array.from({ length: viewers }, () => followViewer(name, sm, stop.signal));
  const followed = await Promise.all(watching.map((w) => w.loaded));
  const loadMs = performance.now() - began;
  await Promise.all(watching.map((w) => w.connected));
  const allConnectedAt = Date.now();
  await sleep(WINDOW_MS);
  const calls = await engineCalls();
  const seconds = (performance.now() - began) / 1000;
  stop.abort();
  clearInterval(sampler);
  if (Number.isNaN(rss)) throw new Error(`no dashboard process found on port ${String(PORTS.dashboard)}`);
  const outcomes = await Promise.all(watching.map((w) => w.outcome));
  const failed = outcomes.filter((o) => o.error !== undefined);
  if (failed[0]) throw new Error(`${failed.length} of ${viewers} viewers failed: ${describeError(failed[0].error)}`);
  const delays = outcomes.flatMap((o) => o.delays.filter((d) => d.at >= allConnectedAt).map((d) => d.delay));
  return { callsPerSecond: calls / seconds, calls, rss, delays, loadMs, lost: followed.filter((f) => !f).length };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'replay-bench-'));
  const file = join(dir, 'generated-25000.json');
  writeFileSync(file, JSON.stringify({ definition: GENERATED_HISTORY_DEFINITION, events: generateHistory(EVENTS) }));
  // The presenter may show only machines a write may touch (the saga unless listed): the bench's own is listed.
  const { browser, stop } = await startStackAndBrowser(PORTS, { ALLOWED_STATE_MACHINES: FOLLOW_MACHINE });
  const sfn = localSfnClient(engineUrl);
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const seeks = (await replaySeek(page, file)).sort((a, b) => a - b);
    print('replay_seek_25k_median_ms', Math.round(percentile(seeks, 50)), 'ms');
    print('replay_seek_25k_p95_ms', Math.round(percentile(seeks, 95)), 'ms', '<=50');

    const { stateMachineArn = '' } = await sfn.send(
      new CreateStateMachineCommand({ name: FOLLOW_MACHINE, definition: JSON.stringify(slowChain(WAITS)), roleArn: 'arn:aws:iam::000000000000:role/bench' }),
    );
    const presenter = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // A throwaway round first, so neither measured one pays for compiling routes.
    await watch(presenter, sfn, stateMachineArn, 1);
    const one = await watch(presenter, sfn, stateMachineArn, 1);
    const many = await watch(presenter, sfn, stateMachineArn, AUDIENCE);
    if (many.lost > 0) throw new Error(`${many.lost} of ${AUDIENCE} viewers were not shown the presenter's execution`);
    const delays = many.delays.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    print('follow_1_viewer_api_calls_per_s', round(one.callsPerSecond), 'calls/s');
    print(`follow_${AUDIENCE}_viewers_api_calls_per_s`, round(many.callsPerSecond), 'calls/s');
    print(`follow_${AUDIENCE}_viewers_page_loads_ms`, Math.round(many.loadMs), 'ms');
    print(`follow_${AUDIENCE}_viewers_api_ratio`, round(many.callsPerSecond / one.callsPerSecond), 'x', '<=1.2');
    print(`follow_${AUDIENCE}_viewers_latency_samples`, delays.length, 'count');
    print(`follow_${AUDIENCE}_viewers_latency_p95_ms`, Math.round(percentile(delays, 95)), 'ms', '<=250');
    print(`dashboard_rss_mb_${AUDIENCE}_viewers`, Math.round(many.rss), 'MB', '<=500');
    print(`follow_${AUDIENCE}_viewers_requests_retried`, retries, 'count');
  } finally {
    sfn.destroy();
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
