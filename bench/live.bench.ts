/**
 * Issue 3/7 bench: time from a state change in the engine to the updated node on screen,
 * in a real Chromium, through the whole stack (engine -> shared poller -> SSE -> react-query
 * -> React Flow). Engine side: the history event's timestamp. Screen side: a
 * MutationObserver stamping each `data-status` change. Same machine, same clock.
 *
 * Needs a production build (scripts/start.ts builds one when stale). Prints JSON lines.
 */
import { GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '../lib/env';
import { percentile, print, runBench, startStackAndBrowser } from './support';
import { localSfnClient } from '../backend/engine/local-client';

const PORTS = { engine: 18283, dynamo: 18284, dashboard: 13200 };
const RUNS = Number(process.argv[2] ?? 4);
const LATENCY_MS = 1_000;

/** The status a node must show once an event has happened, or undefined for other events. */
function screenStatus(type: string): string | undefined {
  if (type.endsWith('StateEntered')) return type.startsWith('Fail') ? 'FAILED' : 'RUNNING';
  if (type.endsWith('StateExited')) return 'SUCCEEDED';
  return undefined;
}

async function main() {
  const { browser, stop } = await startStackAndBrowser(PORTS);
  try {
    const sfn = localSfnClient(`http://127.0.0.1:${PORTS.engine}`);
    const samples: number[] = [];
    // One throwaway visit so the first measured page does not pay for server warm-up.
    const warm = await browser.newPage();
    await warm.goto(`http://localhost:${PORTS.dashboard}/`);
    await warm.close();
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      // Stamp every status change the live stream causes (initial HTML is not a change).
      await page.addInitScript(() => {
        const seen: { state: string; status: string; at: number }[] = [];
        const live = { at: Number.POSITIVE_INFINITY };
        Object.assign(window, { __statusChanges: seen, __liveSince: live });
        new MutationObserver((records) => {
          const at = performance.timeOrigin + performance.now();
          for (const r of records) {
            const el = r.target as HTMLElement;
            if (el.dataset.testid === 'live-status' && el.dataset.state === 'live') live.at = Math.min(live.at, at);
            const state = el.dataset.testid?.replace(/^state-/, '');
            if (state && el.dataset.status) seen.push({ state, status: el.dataset.status, at });
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status', 'data-state'] });
      });
      const orderId = `bench-${Date.now()}-${run}`;
      const input = { orderId, latencyMs: LATENCY_MS, ...(run % 2 ? { failProcessPayment: true } : {}) };
      const { executionArn } = await sfn.send(
        new StartExecutionCommand({
          stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN,
          name: `bench-${orderId}`,
          input: JSON.stringify(input),
        }),
      );
      await page.goto(`http://localhost:${PORTS.dashboard}/executions/bench-${orderId}`);
      await page.waitForFunction(() => {
        const o = document.querySelector('[data-testid=saga-outcome]')?.getAttribute('data-outcome');
        return o !== undefined && o !== null && o !== 'RUNNING';
      }, null, { timeout: 60_000 });
      type Seen = { __statusChanges: { state: string; status: string; at: number }[]; __liveSince: { at: number } };
      const { changes, liveSince } = await page.evaluate(() => {
        const w = window as unknown as Seen;
        return { changes: w.__statusChanges, liveSince: w.__liveSince.at };
      });
      const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
      for (const event of history.events ?? []) {
        const status = screenStatus(event.type ?? '');
        const state = (event.stateEnteredEventDetails ?? event.stateExitedEventDetails)?.name;
        if (!status || !state || !event.timestamp) continue;
        // Only transitions that happened after the stream went live measure live updates;
        // earlier ones arrived with the page itself.
        const eventAt = event.timestamp.getTime();
        if (eventAt <= liveSince) continue;
        // Caught failures exit as CAUGHT, not SUCCEEDED: take the first change after the event either way.
        const shown = changes.find((c) => c.state === state && c.at >= eventAt - 5 && (c.status === status || status === 'SUCCEEDED'));
        if (shown) samples.push(shown.at - eventAt);
      }
      await page.close();
    }
    samples.sort((a, b) => a - b);
    print('live_update_samples', samples.length, 'count');
    print('live_update_latency_p50_ms', Math.round(percentile(samples, 50)), 'ms', '<=1000');
    print('live_update_latency_p95_ms', Math.round(percentile(samples, 95)), 'ms', '<=250');
    print('live_update_latency_max_ms', Math.round(samples.at(-1) ?? NaN), 'ms');
  } finally {
    await stop();
  }
}

runBench(main);
