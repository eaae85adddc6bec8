/**
 * Recovery a person can finish: a rollback that stops at a compensation is reported, the
 * page lists what is still to undo, and one click (Step Functions' Redrive) finishes it with
 * the data consistent. Also: executions started outside the dashboard with the blueprint's
 * own payloads get the same order data, scenario and search as the dashboard's own.
 */
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { engineClient } from './engine-client';
import { ExecutionPage } from './pages/execution-page';
import { ExecutionsPage } from './pages/executions-page';
import { StartPage } from './pages/start-page';

test('Refund fails: COMPENSATION_FAILED, a person is told what is left to undo, one click finishes the rollback', async ({ page }) => {
  const start = new StartPage(page);
  await start.goto();
  await start.choosePreset('fail-refund');
  const execution = await start.start();

  await execution.expectOutcome('COMPENSATION_FAILED');
  await execution.expectStatus('PaymentRefund', 'FAILED');
  const panel = page.getByTestId('recovery-panel');
  await expect(panel).toContainText('the rollback stopped at PaymentRefund');
  const undo = page.getByTestId('still-to-undo').locator('li');
  await expect(undo).toHaveText(['PaymentRefund', 'InventoryRollback', 'CancelOrder']);
  // The money and the stock are still out: exactly what the list says is left.
  await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'CHARGED');
  await expect(execution.data('order-status')).toHaveAttribute('data-order-status', 'PENDING');
  await expect(page.getByTestId('data-notifications')).toContainText('COMPENSATION_FAILED');
  await expect(page.getByTestId('data-notifications')).toContainText('Still to undo: PaymentRefund → InventoryRollback → CancelOrder');
  // The one action resumes at the failed compensation; the header offers no second Redrive.
  await expect(page.getByTestId('action-finish-rollback')).toHaveAttribute('data-resumes-at', 'PaymentRefund');
  await expect(page.getByTestId('action-redrive')).toHaveCount(0);

  await page.getByTestId('action-finish-rollback').click();
  await execution.expectOutcome('COMPENSATED');
  await expect(panel).toHaveCount(0);
  for (const state of ['PaymentRefund', 'InventoryRollback', 'CancelOrder', 'NotifyFailure']) await execution.expectStatus(state, 'SUCCEEDED');
  await expect(page.getByTestId('redrive-count')).toHaveAttribute('data-count', '1');
  await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'REFUNDED');
  await expect(execution.data('order-status')).toHaveAttribute('data-order-status', 'CANCELLED');
  await expect(page.getByTestId('stock-note')).toHaveText('Stock is back where it was.');
  // Ended in the Fail state after a clean rollback: a further Redrive would change nothing.
  await expect(page.getByTestId('action-redrive')).toHaveCount(0);
  await expect(page.getByTestId('redrive-unavailable')).toContainText('SagaRolledBack');
});

const BLUEPRINT_PAYLOADS = [
  { flags: {}, scenario: 'happy', order: 'CONFIRMED', payment: 'CHARGED' },
  { flags: { failCreateOrder: true }, scenario: 'fail-order', order: 'CANCELLED', payment: '—' },
  { flags: { failInventoryUpdate: true }, scenario: 'fail-inventory', order: 'CANCELLED', payment: '—' },
  { flags: { failProcessPayment: true }, scenario: 'fail-payment', order: 'CANCELLED', payment: 'REFUNDED' },
] as const;

test("the blueprint's payloads, started through the SDK, show order data, scenario and search", async ({ page }) => {
  const sfn = engineClient();
  const run = Math.random().toString(36).slice(2, 8);
  const started = [];
  for (const payload of BLUEPRINT_PAYLOADS) {
    // Names as any SDK caller would pick them: no scenario, no order id in them.
    const name = `bp${run}-${payload.scenario}`;
    const input = JSON.stringify({ body: JSON.stringify(payload.flags) });
    await sfn.send(new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name, input }));
    started.push({ ...payload, name });
  }
  sfn.destroy();

  const execution = new ExecutionPage(page);
  for (const s of started) {
    await page.goto(`/executions/${s.name}`);
    await expect(page.getByTestId('data-panel')).toContainText(`ord-${s.name}`);
    await expect(execution.data('order-status')).toHaveAttribute('data-order-status', s.order);
    await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', s.payment);
  }

  const list = new ExecutionsPage(page);
  for (const s of started) {
    await list.goto(`q=${encodeURIComponent(`ord-${s.name}`)}`);
    await list.expectRows([s.name]);
    await expect(list.row(s.name)).toHaveAttribute('data-scenario', s.scenario);
  }
  await list.goto(`scenario=fail-payment&q=bp${run}`);
  await list.expectRows([`bp${run}-fail-payment`]);
});
