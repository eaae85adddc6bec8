import { expect, test } from '@playwright/test';
import { loadFixtures } from '../lib/history/testing/fixtures';
import { ComparePage } from './pages/compare-page';
import { DetailTabs } from './pages/detail-tabs';
import { ExecutionPage } from './pages/execution-page';
import { ExecutionsPage } from './pages/executions-page';
import { startSaga } from './pages/saga-runs';
import { StartPage } from './pages/start-page';

/** A few finished runs of different scenarios, for the list and compare pictures. */
const runs = { happy: '', payment: '', refund: '', inventory: '', flaky: '' };
test.beforeAll(async () => {
  runs.happy = await startSaga({});
  runs.payment = await startSaga({ failProcessPayment: true });
  runs.refund = await startSaga({ failProcessPayment: true, failCompensation: 'PaymentRefund' });
  runs.inventory = await startSaga({ failInventoryUpdate: true });
  runs.flaky = await startSaga({ flakyStep: 'ProcessPayment', flakyAttempts: 2 });
});

/** README images, light and dark. Run with `npm run screenshots`, not part of `npm test`. */
for (const scheme of ['light', 'dark'] as const) {
  test.describe(scheme, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1600, height: 1100 } });
    const suffix = scheme === 'light' ? '' : '-dark';

    test('start page', async ({ page }) => {
      const start = new StartPage(page);
      await start.goto();
      await start.choosePreset('fail-payment');
      await expect(page.locator('.react-flow__edge').first()).toBeAttached();
      await page.screenshot({ path: `docs/screenshots/start-page${suffix}.png` });
    });

    test('compensated execution', async ({ page }) => {
      const start = new StartPage(page);
      await start.goto();
      await start.choosePreset('fail-payment');
      const execution = await start.start();
      await execution.expectOutcome('COMPENSATED');
      await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'REFUNDED');
      await execution.openState('ProcessPayment');
      await page.evaluate(() => window.scrollTo(0, 0));
      // Pointer and focus rings are for people, not for the README.
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/compensated-execution${suffix}.png` });
    });

    test('a rollback stuck at a compensation, one click from finished', async ({ page }) => {
      const start = new StartPage(page);
      await start.goto();
      await start.choosePreset('fail-refund');
      const execution = await start.start();
      await execution.expectOutcome('COMPENSATION_FAILED');
      await expect(page.getByTestId('recovery-panel')).toBeVisible();
      await expect(page.getByTestId('data-notifications')).toContainText('COMPENSATION_FAILED');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/stuck-rollback${suffix}.png` });
    });

    test('executions list', async ({ page }) => {
      const list = new ExecutionsPage(page);
      await list.goto();
      // The list refreshes itself: wait until every run has ended and shows its outcome.
      for (const name of Object.values(runs)) {
        await expect(list.row(name)).not.toHaveAttribute('data-outcome', /^(RUNNING)?$/, { timeout: 30_000 });
      }
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/executions-list${suffix}.png` });
    });

    test('timeline of a compensated execution', async ({ page }) => {
      await page.goto(`/executions/${encodeURIComponent(runs.payment)}`);
      await new ExecutionPage(page).expectOutcome('COMPENSATED');
      await new DetailTabs(page).open('timeline');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/timeline${suffix}.png` });
    });

    test('heatmap after a mixed batch', async ({ page }) => {
      await page.goto('/batch');
      await page.getByTestId('batch-count').fill('60');
      await page.getByTestId('batch-concurrency').fill('15');
      const mix = { happy: 40, 'fail-order': 5, 'fail-inventory': 10, 'fail-payment': 20, 'fail-refund': 10, 'flaky-payment': 15, slow: 0, 'slow-payment-fails': 0 };
      for (const [preset, percent] of Object.entries(mix)) await page.getByTestId(`mix-${preset}`).fill(String(percent));
      await page.getByTestId('batch-start').click();
      await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-done', 'true', { timeout: 120_000 });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/batch-progress${suffix}.png` });
      await page.getByTestId('batch-aggregate').click();
      await expect(page.getByTestId('aggregate-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/aggregate-heatmap${suffix}.png` });
    });

    test('invariants panel', async ({ page }) => {
      await page.goto('/invariants');
      await expect(page.getByTestId('invariant-stock-conserved')).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/invariants${suffix}.png` });
    });

    test('compare two executions', async ({ page }) => {
      const compare = new ComparePage(page);
      await compare.goto({ a: runs.happy, b: runs.payment });
      await compare.expectLoaded();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/compare${suffix}.png` });
    });

    test.describe('on a 1280x720 projector', () => {
      test.use({ viewport: { width: 1280, height: 720 } });

      test('presenter mode, compensated run', async ({ page }) => {
        await page.goto(`/executions/${encodeURIComponent(runs.payment)}?present`);
        await new ExecutionPage(page).expectOutcome('COMPENSATED');
        await expect(page.getByTestId('failed-here-ProcessPayment')).toBeVisible();
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `docs/screenshots/presenter-compensated${suffix}.png` });
      });

      test('start page, projector size', async ({ page }) => {
        await new StartPage(page).goto();
        await expect(page.locator('.react-flow__edge').first()).toBeAttached();
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `docs/screenshots/start-page-projector${suffix}.png` });
      });
    });

    test('replay: a compensated run stopped at the refund', async ({ page }) => {
      const execution = new ExecutionPage(page);
      await page.goto(`/executions/${encodeURIComponent(runs.payment)}`);
      await execution.expectOutcome('COMPENSATED');
      // Back from the end to PaymentRefund's Lambda result: the event that gave the money back.
      const refunded = await page.evaluate(async (name) => {
        const res = await fetch(`/api/executions/${encodeURIComponent(name)}/export`);
        const { events } = (await res.json()) as { events: { id: number; type: string; stateEnteredEventDetails?: { name: string } }[] };
        const entered = events.findIndex((e) => e.stateEnteredEventDetails?.name === 'PaymentRefund');
        return events.slice(entered).find((e) => e.type === 'LambdaFunctionSucceeded')?.id ?? 0;
      }, runs.payment);
      await page.goto(`/executions/${encodeURIComponent(runs.payment)}?at=${refunded}`);
      await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'REFUNDED');
      await expect(execution.node('CreateOrder')).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/replay${suffix}.png` });
    });

    test('follow view on a phone, and the presenter\'s audience link', async ({ page, browser }) => {
      await page.goto(`/executions/${encodeURIComponent(runs.refund)}`);
      await expect(page.getByTestId('export-json')).toBeEnabled();
      await page.getByTestId('audience-link').click();
      await page.getByTestId('audience-show').click();
      await expect(page.getByRole('status')).toContainText('follows');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/audience-link${suffix}.png` });
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, colorScheme: scheme });
      await phone.goto('/follow');
      await expect(phone.getByTestId('follow-view')).toHaveAttribute('data-execution', runs.refund);
      await expect(phone.getByTestId('saga-outcome')).toHaveAttribute('data-outcome', 'COMPENSATION_FAILED', { timeout: 30_000 });
      await phone.screenshot({ path: `docs/screenshots/follow-view${suffix}.png` });
      await phone.close();
    });

    test('imported AWS history', async ({ page }) => {
      const recorded = loadFixtures().find((f) => f.file.startsWith('30_'))!;
      await page.goto('/import');
      await page.getByTestId('import-file').setInputFiles(recorded.path);
      await expect(page.getByTestId('saga-outcome')).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/imported-history${suffix}.png` });
    });
  });
}
