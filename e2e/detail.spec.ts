import { expect, test } from '@playwright/test';
import { DetailTabs } from './pages/detail-tabs';
import { StartPage } from './pages/start-page';

const COMPENSATION = ['PaymentRefund', 'InventoryRollback', 'CancelOrder'];

test('payment fails: timeline, events, input & output and the data path tell the rollback', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const start = new StartPage(page);
  await start.goto();
  await start.choosePreset('fail-payment');
  const execution = await start.start();
  await execution.expectOutcome('COMPENSATED');
  // Opened afresh, the finished run's narration line says how it ended (told once the page is live).
  await page.reload();
  await expect(page.getByTestId('replay-narration')).toContainText('Rolled back cleanly');
  const detail = new DetailTabs(page);

  // Keyboard: one tab stop, arrows move between tabs.
  await detail.tab('graph').focus();
  await page.keyboard.press('ArrowRight');
  await expect(detail.tab('timeline')).toBeFocused();
  await expect(detail.tab('timeline')).toHaveAttribute('aria-selected', 'true');
  await expect(detail.panel('graph')).toBeHidden();

  // Timeline: forward bars, then the compensation bars drawn as such, the Fail state marked failed.
  await expect(detail.panel('timeline')).toBeVisible();
  await expect(detail.bars('CancelOrder')).toHaveCount(1);
  const roles = await detail.barRoles();
  expect(roles.slice(0, 3)).toEqual(['CreateOrder:forward', 'UpdateInventory:forward', 'ProcessPayment:forward']);
  for (const state of COMPENSATION) expect(roles).toContain(`${state}:compensation`);
  await expect(detail.bars('ProcessPayment')).toHaveAttribute('data-status', 'CAUGHT');
  await expect(detail.bars('SagaRolledBack')).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByRole('list', { name: 'Timeline legend' })).toContainText('compensation');
  // A bar selects its state in the state panel.
  await detail.bars('PaymentRefund').click();
  await expect(page.getByRole('heading', { name: 'PaymentRefund' })).toBeVisible();

  // Events: the full count against AWS's limit, and the failure filter keeps only failures.
  await detail.open('events');
  const total = Number(await detail.eventCount().getAttribute('data-count'));
  expect(total).toBeGreaterThan(30);
  await expect(detail.eventCount()).toHaveText(`${total} of 25,000 events`);
  await expect(detail.eventRows().first()).toHaveAttribute('data-type', 'ExecutionStarted');
  await detail.filterEvents('failures');
  await expect(detail.eventRows()).toHaveCount(3);
  expect(await detail.eventTypes()).toEqual(['LambdaFunctionFailed', 'FailStateEntered', 'ExecutionFailed']);
  await detail.filterEvents('compensation');
  const states = await detail
    .eventRows()
    .evaluateAll((rows) => [...new Set(rows.map((r) => r.querySelector('button')?.textContent))]);
  expect(states).toEqual(expect.arrayContaining(COMPENSATION));
  expect(states).not.toContain('ProcessPayment');

  // Input & output: the order went in; a failed execution shows its error, and copy works.
  await detail.open('io');
  await expect(page.getByTestId('execution-input')).toContainText(`"orderId"`);
  await expect(page.getByTestId('execution-error-output')).toContainText('SagaRolledBack');
  await page.getByTestId('execution-input-copy').click();
  await expect(page.getByTestId('execution-input-copy')).toHaveAttribute('data-state', 'copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('"orderId"');

  // Inspector: ProcessPayment's data path, from input through the caught error to $.errors.payment.
  await detail.open('graph');
  await execution.openState('ProcessPayment');
  await expect(detail.dataStep('input')).toContainText('"orderId"');
  await expect(detail.dataStep('parameters')).toContainText('"executionName"');
  await expect(detail.dataStepExpression('parameters')).toContainText('"payload.$":"$"');
  await expect(detail.dataStep('result')).toContainText('PaymentFailed');
  await expect(page.getByTestId('data-path')).toContainText('caught by Catch → PaymentRefund');
  await expect(detail.dataStepExpression('result-path')).toHaveText('$.errors.payment');
  await expect(detail.dataStep('output')).toContainText('"errors"');
});

test('a flaky step: the timeline shows its failed tries and the backoff between them', async ({ page }) => {
  const start = new StartPage(page);
  await start.goto();
  await start.choosePreset('flaky-payment');
  const execution = await start.start();
  await execution.expectOutcome('COMPLETED');
  const detail = new DetailTabs(page);
  await detail.open('timeline');
  const payment = detail.bars('ProcessPayment');
  await expect(payment).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(payment.getByTestId('timeline-try')).toHaveCount(3);
  await expect(payment.locator('[data-kind="failed-try"]')).toHaveCount(2);
  await expect(payment.getByTestId('timeline-backoff')).toHaveCount(2);

  // The data path of a retried step shows the successful try's result, not the old error.
  await payment.click();
  await expect(detail.dataStep('result')).toContainText('{');
  await expect(page.getByTestId('data-path')).not.toContainText('Error output');
  await expect(detail.dataStepExpression('result-path')).toHaveText('$.results.payment');
});
