import { expect, test } from '@playwright/test';
import { StartPage } from './pages/start-page';

test('the graph updates live: a step is seen RUNNING, then SUCCEEDED, without a reload', async ({ page }) => {
  const start = new StartPage(page);
  await start.goto();
  await start.choosePreset('slow');
  const execution = await start.start();
  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  // Checked first: the slow preset leaves about six seconds of running time after the
  // page opens, and once the saga ends the indicator rightly says "ended".
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
  // One locator for status and word, so a step that finishes between two separate
  // checks cannot fail the test: RUNNING must be seen, with its word, at one moment.
  await expect(
    page.locator('[data-testid="state-ProcessPayment"][data-status="RUNNING"]'),
  ).toContainText('Running', { timeout: 20_000 });
  await execution.expectStatus('ProcessPayment', 'SUCCEEDED', 20_000);
  await execution.expectOutcome('COMPLETED');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'ended');

  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('a rollback visibly restores the data while the page watches', async ({ page }) => {
  const start = new StartPage(page);
  await start.goto();
  await start.choosePreset('slow-payment-fails');
  const execution = await start.start();
  await execution.recordData('payment-status');
  // The page shows the charge while the saga runs, then the refund the compensation path
  // made, without a reload. Values are recorded as they appear rather than caught mid-run,
  // so a loaded machine that reads a stage late cannot fail the test spuriously.
  await execution.expectOutcome('COMPENSATED');
  const shown = (await execution.recordedData('payment-status')).filter((value) => value !== '—');
  expect(shown).toEqual(['CHARGED', 'REFUNDED']);
  await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'REFUNDED');
  await expect(execution.data('order-status')).toHaveAttribute('data-order-status', 'CANCELLED');
  await expect(page.getByTestId('stock-note')).toHaveText('Stock is back where it was.');
});
