/**
 * Issue 12 bench: how soon a finished saga's execution page shows its graph on a
 * projector. In a real Chromium at 1280x720, measured from navigation start (the
 * performance clock's origin) to the end of the first painted frame in which every state
 * and every edge is drawn and the view is fitted (the states' bounding box centred in the
 * pane, where fitting leaves it). Server rendering, the history read, hydration and React
 * Flow's first frames all count; a frame that shows nodes before they are placed does not.
 */
import { readFileSync } from 'node:fs';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { localSfnClient } from '../backend/engine/local-client';
import { buildGraph } from '../lib/asl/graph';
import type { AslDefinition } from '../lib/asl/types';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '../lib/env';
import { parseSagaInput } from '../lib/saga/input';
import { sagaStart } from '../lib/saga/start';
import { median, print, runBench, startStackAndBrowser } from './support';

const PORTS = { engine: 18683, dynamo: 18684, dashboard: 13600 };
const RUNS = 10;

/**
 * Runs in the page from its first script on: after each painted frame, checks whether the
 * graph is drawn and fitted, and notes the time of the first frame that is. Plain script
 * text, so no bundler helper can leak into it.
 */
const clockScript = (nodes: number, edges: number) => `
(() => {
  const drawn = () => {
    const found = document.querySelectorAll('.react-flow__node');
    if (found.length < ${nodes} || document.querySelectorAll('.react-flow__edge').length < ${edges}) return false;
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return false;
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (const node of found) {
      if (getComputedStyle(node).visibility !== 'visible') return false;
      const r = node.getBoundingClientRect();
      left = Math.min(left, r.left); top = Math.min(top, r.top);
      right = Math.max(right, r.right); bottom = Math.max(bottom, r.bottom);
    }
    return Math.abs(left + right - pane.left - pane.right) <= 4 && Math.abs(top + bottom - pane.top - pane.bottom) <= 4;
  };
  window.__graphTook = new Promise((resolve) => {
    // A task queued from an animation frame runs once that frame is painted.
    const afterPaint = () => (drawn() ? resolve(performance.now()) : requestAnimationFrame(() => setTimeout(afterPaint)));
    requestAnimationFrame(() => setTimeout(afterPaint));
  });
})();
`;

async function finishedSaga(): Promise<string> {
  const sfn = localSfnClient(`http://127.0.0.1:${PORTS.engine}`);
  const parsed = parseSagaInput({ failProcessPayment: true });
  if (!parsed.ok) throw new Error(parsed.message);
  const start = sagaStart(parsed.value, `bench-${Date.now().toString(36)}`);
  if (!start.ok) throw new Error(start.message);
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name: start.name, input: JSON.stringify(start.input) }),
  );
  // Setup, not a measurement: wait for the saga to finish, so the page shows a final graph.
  for (let i = 0; i < 300; i++) {
    const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (status !== 'RUNNING') return start.name;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${start.name} did not finish within 30 s`);
}

async function main() {
  const graph = buildGraph(JSON.parse(readFileSync('backend/saga/definition.asl.json', 'utf8')) as AslDefinition);
  const script = clockScript(graph.nodes.length, graph.edges.length);
  const { browser, stop } = await startStackAndBrowser(PORTS);
  try {
    const name = await finishedSaga();
    const url = `http://localhost:${PORTS.dashboard}/executions/${encodeURIComponent(name)}`;
    const times: number[] = [];
    const responses: number[] = [];
    const hydrated: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.addInitScript({ content: script });
      await page.goto(url, { waitUntil: 'commit' });
      const took = await page.evaluate(() =>
        Promise.race([
          (window as unknown as { __graphTook: Promise<number> }).__graphTook,
          new Promise<number>((_resolve, reject) => setTimeout(() => reject(new Error('graph not drawn and fitted within 30 s')), 30_000)),
        ]),
      );
      times.push(took);
      // Where the time went: the server's first byte, and the page's own scripts done.
      const nav = await page.evaluate(() => {
        const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return { response: entry?.responseStart ?? Number.NaN, loaded: entry?.domContentLoadedEventEnd ?? Number.NaN };
      });
      responses.push(nav.response);
      hydrated.push(nav.loaded);
      await page.close();
    }
    // The first run pays for the server's and the browser's cold caches; report it apart.
    const [cold = Number.NaN, ...warm] = times;
    print('execution_page_first_graph_cold_ms', Math.round(cold), 'ms');
    print('execution_page_first_graph_ms', Math.round(median(warm)), 'ms', '<=500');
    print('execution_page_first_byte_ms', Math.round(median(responses.slice(1))), 'ms');
    print('execution_page_dom_loaded_ms', Math.round(median(hydrated.slice(1))), 'ms');
  } finally {
    await stop();
  }
}

runBench(main);
