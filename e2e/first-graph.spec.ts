/**
 * Issue 12: the execution page's graph is in the server's HTML, placed and fitted before
 * any script runs, so it paints with the page instead of after hydration. With the page's
 * scripts blocked, every state and every edge is drawn, inside the pane, centred in it;
 * once the page is live, nothing has moved.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition } from '@/lib/asl/types';
import { ExecutionPage } from './pages/execution-page';
import { startSaga } from './pages/saga-runs';

const GRAPH = buildGraph(JSON.parse(readFileSync('backend/saga/definition.asl.json', 'utf8')) as AslDefinition);
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

type Rect = { left: number; top: number; right: number; bottom: number };
type Drawing = { pane: Rect; nodes: Record<string, Rect>; edges: Record<string, Rect> };

/** Where the pane, each state box and each edge's line are on screen. */
const drawing = (page: Page): Promise<Drawing> =>
  page.evaluate(() => {
    const rect = (el: Element | null): Rect => {
      const r = el?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : { left: NaN, top: NaN, right: NaN, bottom: NaN };
    };
    const visible = (el: Element) => getComputedStyle(el).visibility === 'visible';
    const nodes = [...document.querySelectorAll('.react-flow__node')].filter(visible);
    const edges = [...document.querySelectorAll('.react-flow__edge')].filter(visible);
    return {
      pane: rect(document.querySelector('.react-flow')),
      nodes: Object.fromEntries(nodes.map((n) => [n.getAttribute('data-id') ?? '', rect(n)])),
      edges: Object.fromEntries(edges.map((e) => [e.getAttribute('data-id') ?? '', rect(e.querySelector('.react-flow__edge-path'))])),
    };
  });

const union = (rects: Rect[]): Rect => ({
  left: Math.min(...rects.map((r) => r.left)),
  top: Math.min(...rects.map((r) => r.top)),
  right: Math.max(...rects.map((r) => r.right)),
  bottom: Math.max(...rects.map((r) => r.bottom)),
});

let name = '';
test.beforeAll(async () => {
  name = await startSaga({ failProcessPayment: true });
});

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}x${viewport.height} the graph is drawn and fitted before any script runs, and stays put once live`, async ({ browser }) => {
    const url = `/executions/${encodeURIComponent(name)}`;
    const live = await browser.newPage({ viewport });
    await live.goto(url);
    await new ExecutionPage(live).expectOutcome('COMPENSATED');

    // The same page with none of its scripts: only the server's HTML and the stylesheets.
    const still = await browser.newPage({ viewport });
    await still.route(/\/_next\/static\/.*\.js(\?|$)/, (route) => route.abort());
    await still.goto(url);
    await expect(still.getByTestId('state-ProcessPayment')).toHaveAttribute('data-status', 'CAUGHT');
    const before = await drawing(still);
    expect(Object.keys(before.nodes).sort()).toEqual(GRAPH.nodes.map((n) => n.id).sort());
    expect(Object.keys(before.edges).sort()).toEqual(GRAPH.edges.map((e) => e.id).sort());
    const box = union(Object.values(before.nodes));
    // Inside the pane, and centred in it, as React Flow's fitView leaves it.
    expect(box.left).toBeGreaterThanOrEqual(before.pane.left);
    expect(box.top).toBeGreaterThanOrEqual(before.pane.top);
    expect(box.right).toBeLessThanOrEqual(before.pane.right);
    expect(box.bottom).toBeLessThanOrEqual(before.pane.bottom);
    expect(Math.abs(box.left + box.right - before.pane.left - before.pane.right)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.top + box.bottom - before.pane.top - before.pane.bottom)).toBeLessThanOrEqual(2);
    // It fills the pane along one side (up to the fit's padding), not a thumbnail in a corner.
    const fill = Math.max((box.right - box.left) / (before.pane.right - before.pane.left), (box.bottom - box.top) / (before.pane.bottom - before.pane.top));
    expect(fill).toBeGreaterThan(0.85);

    // Live: React Flow holds the view (the stylesheet's fit is off) and every box and line is where it was.
    await expect(live.getByTestId('graph')).not.toHaveAttribute('data-fit');
    const after = await drawing(live);
    expect(Object.keys(after.nodes).sort()).toEqual(Object.keys(before.nodes).sort());
    expect(Object.keys(after.edges).sort()).toEqual(Object.keys(before.edges).sort());
    const moved = (a: Rect, b: Rect | undefined) =>
      !b || Math.max(Math.abs(a.left - b.left), Math.abs(a.top - b.top), Math.abs(a.right - b.right), Math.abs(a.bottom - b.bottom)) > 1;
    expect(Object.keys(before.nodes).filter((id) => moved(before.nodes[id] as Rect, after.nodes[id]))).toEqual([]);
    expect(Object.keys(before.edges).filter((id) => moved(before.edges[id] as Rect, after.edges[id]))).toEqual([]);
    await still.close();
    await live.close();
  });
}
