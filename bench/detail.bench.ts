/**
 * Issue 6 bench: a 25,000-event execution (AWS's maximum) opened in a real Chromium
 * through the import page, which renders the same detail view as a live execution.
 * Measured from the file input's `change` event: the graph drawn, then the Timeline tab
 * showing bars, then the Events tab showing rows (each tab clicked as soon as the
 * previous view is up; each time is taken one frame later, once the frame was painted).
 * Then the event table is scrolled top to bottom, counting frames over 50 ms and long tasks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { Browser, Page } from '@playwright/test';
import { GENERATED_HISTORY_DEFINITION, generateHistory } from '../lib/history/testing/generate-history';
import { median, print, runBench, startStackAndBrowser } from './support';
import { localSfnClient } from '../backend/engine/local-client';

const PORTS = { engine: 18583, dynamo: 18584, dashboard: 13500 };
const EVENTS = 25_000;
/** LoadOrders, ProcessOrders (a group), Reserve, Charge, Release, Done */
const NODES = 6;
const RUNS = 5;
/** Pixels per animation frame: a fast fling, 25,000 rows in about four seconds. */
const SCROLL_STEP = 3_000;
const LONG_FRAME_MS = 50;

type OpenTimes = { graph: number; timeline: number; events: number };
type ScrollStats = { frames: number; longFrames: number; maxFrameMs: number; longTasks: number; maxLongTaskMs: number };

/**
 * Installed before the file is chosen: on `change` it starts the clock and walks the
 * views on animation frames, so no round trip to the test runner is ever on the clock.
 */
async function armOpenClock(page: Page, nodes: number): Promise<void> {
  await page.evaluate((expectedNodes) => {
    const w = window as unknown as { __open?: Promise<OpenTimes> };
    const input = document.querySelector('[data-testid=import-file]') as HTMLInputElement;
    w.__open = new Promise<OpenTimes>((resolve, reject) => {
      input.addEventListener('change', () => {
        const start = performance.now();
        const times: Partial<OpenTimes> = {};
        const steps: Array<{ key: keyof OpenTimes; ready: () => boolean; next?: string }> = [
          { key: 'graph', ready: () => document.querySelectorAll('.react-flow__node').length >= expectedNodes, next: 'tab-timeline' },
          { key: 'timeline', ready: () => document.querySelector('[data-testid=timeline-bar]') !== null, next: 'tab-events' },
          { key: 'events', ready: () => document.querySelector('[data-testid=event-row]') !== null },
        ];
        let at = 0;
        const tick = () => {
          const step = steps[at];
          if (!step) {
            resolve(times as OpenTimes);
            return;
          }
          if (performance.now() - start > 30_000) {
            reject(new Error(`${step.key} not shown after 30 s`));
            return;
          }
          if (!step.ready()) return requestAnimationFrame(tick);
          // The frame that shows it is painted before the next frame's callback runs.
          requestAnimationFrame(() => {
            times[step.key] = performance.now() - start;
            at++;
            if (step.next) (document.querySelector(`[data-testid=${step.next}]`) as HTMLElement).click();
            requestAnimationFrame(tick);
          });
        };
        requestAnimationFrame(tick);
      });
    });
  }, nodes);
}

/** tsx compiles with keepNames, so functions sent to the page call esbuild's `__name`: give the page one. */
const KEEP_NAMES_SHIM = 'window.__name = (fn) => fn;';

async function openOnce(page: Page, baseUrl: string, file: string): Promise<OpenTimes> {
  await page.addInitScript({ content: KEEP_NAMES_SHIM });
  await page.goto(`${baseUrl}/import`);
  await armOpenClock(page, NODES);
  await page.getByTestId('import-file').setInputFiles(file);
  return page.evaluate(() => (window as unknown as { __open: Promise<OpenTimes> }).__open);
}

/** Scrolls the event table to the end, one step per frame, noting slow frames and long tasks. */
async function scrollEvents(page: Page): Promise<ScrollStats> {
  return page.evaluate(
    ({ step, longFrame }) =>
      new Promise<ScrollStats>((resolve) => {
        const scroller = document.querySelector('[data-testid=event-scroll]') as HTMLElement;
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longTasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        const gaps: number[] = [];
        let last = performance.now();
        const frame = (now: number) => {
          gaps.push(now - last);
          last = now;
          if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
            observer.disconnect();
            const long = gaps.filter((g) => g > longFrame);
            resolve({
              frames: gaps.length,
              longFrames: long.length,
              maxFrameMs: Math.max(...gaps),
              longTasks: longTasks.length,
              maxLongTaskMs: Math.max(0, ...longTasks),
            });
            return;
          }
          scroller.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(frame);
        });
      }),
    { step: SCROLL_STEP, longFrame: LONG_FRAME_MS },
  );
}

/**
 * The same size of history, but a real execution on the engine opened by URL, the way a
 * user opens one: the server pages through GetExecutionHistory (1,000 events a call, as
 * on AWS), renders, and the browser hydrates. An inline Map over ITEMS items of one Pass
 * state writes four events per item, so ITEMS = 6,200 gives about 24,800 events.
 */
const ITEMS = 6_200;
const MAP_DEFINITION = {
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 50,
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
      ResultPath: null,
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

async function runBigExecution(): Promise<{ name: string; stateMachineArn: string }> {
  const sfn = localSfnClient(`http://127.0.0.1:${PORTS.engine}`);
  try {
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'bench-big-map',
        definition: JSON.stringify(MAP_DEFINITION),
        roleArn: 'arn:aws:iam::000000000000:role/bench',
      }),
    );
    const name = `big-${Date.now()}`;
    const input = JSON.stringify({ items: Array.from({ length: ITEMS }, (_, i) => i) });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input }));
    for (;;) {
      const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (status === 'SUCCEEDED') break;
      if (status !== 'RUNNING') throw new Error(`the big execution ended ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { name, stateMachineArn: stateMachineArn! };
  } finally {
    sfn.destroy();
  }
}

/**
 * Times from navigation start (performance.now()'s origin) to each view being painted,
 * clicking the next tab as soon as the previous view is up; installed before any page script.
 */
const NAVIGATION_CLOCK = `(() => {
  const times = {};
  const steps = [
    { key: 'graph', ready: () => document.querySelectorAll('.react-flow__node').length >= 2, next: 'tab-timeline' },
    { key: 'timeline', ready: () => document.querySelector('[data-testid=timeline-bar]') !== null, next: 'tab-events' },
    { key: 'events', ready: () => document.querySelector('[data-testid=event-row]') !== null },
  ];
  // The graph is in the server's HTML, so it can be up before the page is live; a tab is clicked
  // only once React has hydrated it (a click before that does nothing, for a person too).
  const live = (el) => el !== null && Object.keys(el).some((k) => k.startsWith('__reactProps'));
  let at = 0;
  let click;
  window.__open = new Promise((resolve) => {
    const tick = () => {
      if (click) {
        const tab = document.querySelector('[data-testid=' + click + ']');
        if (!live(tab)) return requestAnimationFrame(tick);
        tab.click();
        click = undefined;
      }
      const step = steps[at];
      if (!step) return resolve(times);
      if (!step.ready()) return requestAnimationFrame(tick);
      requestAnimationFrame(() => {
        times[step.key] = performance.now();
        at++;
        click = step.next;
        requestAnimationFrame(tick);
      });
    };
    requestAnimationFrame(tick);
  });
})();`;

async function openExecutionPage(browser: Browser, url: string): Promise<OpenTimes> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await page.addInitScript({ content: NAVIGATION_CLOCK });
    await page.goto(url, { waitUntil: 'commit' });
    const times = await page.evaluate(() => (window as unknown as { __open: Promise<OpenTimes> }).__open);
    const rows = await page.getByTestId('event-table-count').getAttribute('data-count');
    if (Number(rows) < 24_000) throw new Error(`the execution page counts ${rows} events`);
    return times;
  } finally {
    await page.close();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'detail-bench-'));
  const file = join(dir, 'generated-25000.json');
  writeFileSync(file, JSON.stringify({ definition: GENERATED_HISTORY_DEFINITION, events: generateHistory(EVENTS) }));
  const { browser, stop } = await startStackAndBrowser(PORTS);
  const baseUrl = `http://localhost:${PORTS.dashboard}`;
  try {
    const runs: OpenTimes[] = [];
    let scroll: ScrollStats | undefined;
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      runs.push(await openOnce(page, baseUrl, file));
      const rows = await page.getByTestId('event-table-count').getAttribute('data-count');
      if (rows !== String(EVENTS)) throw new Error(`the table counts ${rows} events, not ${EVENTS}`);
      // Scrolled once, on a warm page: the open runs above already cover the cold start.
      if (run === RUNS - 1) scroll = await scrollEvents(page);
      await page.close();
    }
    // The first run pays for code loading and JIT warm-up; report it apart.
    const [cold, ...warm] = runs;
    if (!cold || !scroll) throw new Error('no runs');
    print('detail_25k_cold_ready_ms', Math.round(cold.events), 'ms');
    print('detail_25k_graph_median_ms', Math.round(median(warm.map((r) => r.graph))), 'ms');
    print('detail_25k_timeline_median_ms', Math.round(median(warm.map((r) => r.timeline))), 'ms');
    print('detail_25k_ready_median_ms', Math.round(median(warm.map((r) => r.events))), 'ms', '<=1500');
    print('detail_25k_scroll_frames', scroll.frames, 'frames');
    print('detail_25k_scroll_long_frames', scroll.longFrames, 'frames', '0');
    print('detail_25k_scroll_max_frame_ms', Math.round(scroll.maxFrameMs), 'ms', `<=${LONG_FRAME_MS}`);
    print('detail_25k_scroll_long_tasks', scroll.longTasks, 'tasks', '0');
    print('detail_25k_scroll_max_long_task_ms', Math.round(scroll.maxLongTaskMs), 'ms');

    const big = await runBigExecution();
    const url = `${baseUrl}/executions/${encodeURIComponent(big.name)}?sm=${encodeURIComponent(big.stateMachineArn)}`;
    const opened: OpenTimes[] = [];
    for (let run = 0; run < RUNS; run++) opened.push(await openExecutionPage(browser, url));
    const [coldPage, ...warmPages] = opened;
    if (!coldPage) throw new Error('no runs');
    print('execution_page_25k_cold_ready_ms', Math.round(coldPage.events), 'ms');
    print('execution_page_25k_graph_median_ms', Math.round(median(warmPages.map((r) => r.graph))), 'ms');
    print('execution_page_25k_ready_median_ms', Math.round(median(warmPages.map((r) => r.events))), 'ms', '<=1000');
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
