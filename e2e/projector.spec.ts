/**
 * Issue 12: the execution page on a projector. At 1280x720 (the common projector) and
 * 1920x1080, a compensated run and a stuck rollback show every state, the saga outcome
 * and the order data on the first screen, with no scrolling; the graph refits when the
 * window shrinks; presenter mode's titles are readable from the back of the room.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { SagaOutcome } from '@/lib/history/types';
import { ExecutionPage } from './pages/execution-page';
import { startSaga } from './pages/saga-runs';

const STATES = Object.keys((JSON.parse(readFileSync('backend/saga/definition.asl.json', 'utf8')) as { States: object }).States);
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const SCENARIOS = [
  { name: 'Payment fails', input: { failProcessPayment: true }, outcome: 'COMPENSATED' },
  { name: 'Refund fails', input: { failProcessPayment: true, failCompensation: 'PaymentRefund' }, outcome: 'COMPENSATION_FAILED' },
] as const satisfies ReadonlyArray<{ name: string; input: object; outcome: SagaOutcome }>;

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box;
}

const inside = (box: Box, area: Box) =>
  box.x >= area.x - 0.5 && box.y >= area.y - 0.5 && box.x + box.width <= area.x + area.width + 0.5 && box.y + box.height <= area.y + area.height + 0.5;

/** Names of the boxes (states, and any extra test ids) not wholly inside the area, re-read until they all are. */
async function expectAllInside(page: Page, area: () => Promise<Box>, testIds: readonly string[]): Promise<void> {
  await expect
    .poll(async () => {
      const outside: string[] = [];
      const bounds = await area();
      for (const id of testIds) if (!inside(await boxOf(page.getByTestId(id)), bounds)) outside.push(id);
      return outside;
    })
    .toEqual([]);
}

const viewportArea = (page: Page) => async (): Promise<Box> => ({ x: 0, y: 0, ...(page.viewportSize() ?? { width: 0, height: 0 }) });

const runs = new Map<string, string>();
test.beforeAll(async () => {
  for (const s of SCENARIOS) runs.set(s.name, await startSaga(s.input));
});

for (const viewport of VIEWPORTS) {
  for (const scenario of SCENARIOS) {
    test(`${scenario.name} at ${viewport.width}x${viewport.height}: every state, the outcome and the data on the first screen`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(`/executions/${encodeURIComponent(runs.get(scenario.name) ?? '')}`);
      const execution = new ExecutionPage(page);
      await execution.expectOutcome(scenario.outcome);
      await expectAllInside(page, viewportArea(page), [...STATES.map((s) => `state-${s}`), 'saga-outcome', 'data-panel']);
      const scroll = await page.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
      expect(scroll.height).toBeLessThanOrEqual(viewport.height);
      expect(scroll.width).toBeLessThanOrEqual(viewport.width);
      // No name is cut: each title's text fits its own box.
      for (const state of STATES) {
        const title = page.getByTestId(`state-title-${state}`);
        expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), state).toBe(true);
        await expect(title).toHaveText(state);
      }
    });
  }
}

test('where it broke: the failing step is marked "failed here" and still reads CAUGHT; the tail is not "undo"', async ({ page }) => {
  await page.goto(`/executions/${encodeURIComponent(runs.get('Payment fails') ?? '')}`);
  const execution = new ExecutionPage(page);
  await execution.expectOutcome('COMPENSATED');
  await expect(page.getByTestId('failed-here-ProcessPayment')).toBeVisible();
  await expect(execution.node('ProcessPayment')).toHaveAttribute('data-status', 'CAUGHT');
  await expect(execution.node('ProcessPayment')).toContainText(/caught/i);
  await expect(page.locator('[data-failed-here]')).toHaveCount(1);
  for (const undo of ['PaymentRefund', 'InventoryRollback', 'CancelOrder']) await expect(execution.node(undo)).toHaveAttribute('data-undo', 'true');
  for (const tail of ['NotifyFailure', 'SagaRolledBack']) {
    await expect(execution.node(tail)).not.toHaveAttribute('data-undo', /.*/);
    await expect(execution.node(tail)).not.toContainText('undo');
  }
});

test('after a resize from 1920 to 1280 wide, every state still lies inside the graph pane', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/executions/${encodeURIComponent(runs.get('Refund fails') ?? '')}`);
  await new ExecutionPage(page).expectOutcome('COMPENSATION_FAILED');
  const pane = () => boxOf(page.getByTestId('graph'));
  await expectAllInside(page, pane, STATES.map((s) => `state-${s}`));
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectAllInside(page, pane, STATES.map((s) => `state-${s}`));
  await expectAllInside(page, viewportArea(page), STATES.map((s) => `state-${s}`));
});

test.describe('presenter mode at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('titles are at least 24 px, on the page and on screen, and the graph and outcome fill the screen', async ({ page }) => {
    await page.goto(`/executions/${encodeURIComponent(runs.get('Payment fails') ?? '')}?present`);
    await new ExecutionPage(page).expectOutcome('COMPENSATED');
    await expect(page.getByTestId('presenter-stage')).toBeVisible();
    await expectAllInside(page, viewportArea(page), [...STATES.map((s) => `state-${s}`), 'saga-outcome']);
    for (const state of STATES) {
      const size = await page.getByTestId(`state-title-${state}`).evaluate((el) => {
        const fontSize = parseFloat(getComputedStyle(el).fontSize);
        // What the room sees: the graph is scaled to fit, so the drawn size is the font size times the zoom.
        const scale = el.getBoundingClientRect().width / (el as HTMLElement).offsetWidth;
        return { fontSize, drawn: fontSize * scale };
      });
      expect(size.fontSize, state).toBeGreaterThanOrEqual(24);
      expect(size.drawn, state).toBeGreaterThanOrEqual(24);
    }
    // Each state that ran shows how long it took.
    await expect(page.getByTestId('duration-ProcessPayment')).toHaveText(/\d+(\.\d+)? (ms|s)/);
  });

  test('p enters and leaves presenter mode, and ? lists the keys', async ({ page }) => {
    await page.goto(`/executions/${encodeURIComponent(runs.get('Refund fails') ?? '')}`);
    await new ExecutionPage(page).expectOutcome('COMPENSATION_FAILED');
    // Keys work once the page is interactive, which is when Run again is enabled.
    await expect(page.getByTestId('action-rerun')).toBeEnabled();
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter-stage')).toBeVisible();
    await expect(page).toHaveURL(/[?&]present\b/);
    await page.keyboard.press('?');
    await expect(page.getByTestId('presenter-help')).toContainText('run the same scenario again');
    await page.keyboard.press('?');
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter-stage')).toBeHidden();
    await expect(page).not.toHaveURL(/[?&]present\b/);
  });

  test('a digit starts that preset from the start page, and the new execution opens in presenter mode', async ({ page }) => {
    await page.goto('/?present');
    await expect(page.getByTestId('launch-fail-payment')).toBeVisible();
    // The fourth preset is Payment fails.
    await expect(async () => {
      await page.keyboard.press('4');
      await page.waitForURL(/\/executions\/fail-payment--/, { timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await new ExecutionPage(page).expectOutcome('COMPENSATED');
    await expect(page.getByTestId('presenter-stage')).toBeVisible();
  });
});
