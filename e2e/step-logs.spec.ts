/**
 * A step's log lines beside the step: the handler's structured lines, captured by the
 * engine per invocation, in the state panel of a Payment fails run.
 */
import { expect, test } from '@playwright/test';
import { ExecutionPage } from './pages/execution-page';
import { startSaga } from './pages/saga-runs';

test("clicking ProcessPayment in a Payment fails run shows its handler's log lines, the failure message among them", async ({ page }) => {
  const name = await startSaga({ failProcessPayment: true });
  await page.goto(`/executions/${name}`);
  const execution = new ExecutionPage(page);
  await execution.expectOutcome('COMPENSATED');
  await execution.openState('ProcessPayment');

  const logs = page.getByTestId('step-logs');
  const lines = logs.getByTestId('step-log-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('ProcessPayment started');
  await expect(lines.nth(1)).toHaveAttribute('data-level', 'ERROR');
  await expect(lines.nth(1)).toContainText(/ProcessPayment failed: PaymentFailed: .+/);
  // Locally there is no console to link to.
  await expect(logs.getByRole('link')).toHaveCount(0);

  // Another step shows its own lines, not these.
  await execution.openState('PaymentRefund');
  await expect(page.getByTestId('step-log-line').first()).toContainText('PaymentRefund started');
  await expect(page.getByTestId('step-logs')).not.toContainText('ProcessPayment');
});
