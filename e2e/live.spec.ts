/**
 * The live view: a saga started with a step held (`holdStep`) is caught mid-run for as
 * long as the test needs, then released, and the page follows without a reload.
 */
import { expect, test } from '@playwright/test';
import { ExecutionPage } from './pages/execution-page';
import { releaseHold, startSaga } from './pages/saga-runs';

test('the graph updates live: a step is seen RUNNING, then SUCCEEDED, without a reload', async ({ page }) => {
  const name = await startSaga({ holdStep: 'ProcessPayment' });
  await page.goto(`/executions/${encodeURIComponent(name)}`);
  const execution = new ExecutionPage(page);
  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
  // Held, so status and word are both on screen until the test releases the step.
  await expect(page.locator('[data-testid="state-ProcessPayment"][data-status="RUNNING"]')).toContainText('Running');
  await execution.expectStatus('UpdateInventory', 'SUCCEEDED');
  await execution.expectStatus('Notify', 'NOT_RUN');

  await releaseHold(name, 'ProcessPayment');
  await execution.expectStatus('ProcessPayment', 'SUCCEEDED');
  await execution.expectOutcome('COMPLETED');
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'ended');

  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('a rollback visibly restores the data while the page watches', async ({ page }) => {
  const name = await startSaga({ failProcessPayment: true, holdStep: 'PaymentRefund' });
  await page.goto(`/executions/${encodeURIComponent(name)}`);
  const execution = new ExecutionPage(page);
  await execution.recordData('payment-status');
  // The refund is held: the page shows the charge the failed payment left behind...
  await execution.expectStatus('PaymentRefund', 'RUNNING');
  await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'CHARGED');

  // ...then, once released, the refund the compensation path made, without a reload.
  await releaseHold(name, 'PaymentRefund');
  await execution.expectOutcome('COMPENSATED');
  // The data panel re-reads the tables after the events that moved them, so it may land a
  // moment after the outcome: wait for it, then check it went straight from one to the other.
  await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'REFUNDED');
  const shown = (await execution.recordedData('payment-status')).filter((value) => value !== '—');
  expect(shown).toEqual(['CHARGED', 'REFUNDED']);
  await expect(execution.data('order-status')).toHaveAttribute('data-order-status', 'CANCELLED');
  await expect(page.getByTestId('stock-note')).toHaveText('Stock is back where it was.');
});
