import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { E2E } from '../playwright.config';
import { StartPage } from './pages/start-page';
import { engineClient } from './engine-client';

const sfn = engineClient();

async function executionNames(): Promise<string[]> {
  const out = await sfn.send(new ListExecutionsCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, maxResults: 1000 }));
  return (out.executions ?? []).map((e) => e.name ?? '');
}

test('invalid input shows errors next to the fields and starts nothing', async ({ page }) => {
  const start = new StartPage(page);
  await start.goto();
  const orderId = `e2e-invalid-${Date.now()}`;
  await start.choosePreset('fail-payment');
  await start.field('orderId').fill(orderId);
  await start.field('quantity').fill('0');
  await start.page.getByTestId('start-button').click();

  await expect(start.fieldError('quantity')).toContainText('quantity');
  await expect(start.field('quantity')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/$/);
  // The form keeps what was typed, so fixing one field is all it takes.
  await expect(start.field('orderId')).toHaveValue(orderId);
  await expect(page.getByTestId('switch-failProcessPayment')).toBeChecked();

  await start.field('quantity').fill('2');
  await start.field('item').fill('not a sku!');
  await start.page.getByTestId('start-button').click();
  await expect(start.fieldError('item')).toBeVisible();
  await expect(start.fieldError('quantity')).toHaveCount(0);

  expect((await executionNames()).filter((name) => name.endsWith(orderId))).toEqual([]);
});

test('an unknown execution gets the 404 page', async ({ page }) => {
  // The status stays 200: the loading skeleton has already streamed when the lookup fails.
  await page.goto('/executions/happy--no-such-order');
  await expect(page.getByTestId('not-found')).toContainText('No such execution');
  await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
});

test('with the engine down, pages show a banner with Retry and no stack trace', async ({ page }) => {
  const dead = `http://localhost:${E2E.deadDashboard}`;
  for (const path of ['/', '/executions/happy--ord-anything']) {
    await page.goto(`${dead}${path}`);
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText(`Cannot reach the local engine at http://127.0.0.1:${E2E.deadEngine}`);
    await expect(banner.getByTestId('retry')).toBeEnabled();
    await expect(page.locator('body')).not.toContainText(/\bat .+\.(js|ts):\d+/);
  }
  // Retry re-renders the page on the server and fails the same way, without crashing.
  await page.getByTestId('retry').click();
  await expect(page.getByTestId('error-banner')).toBeVisible();
});

test('states open a detail panel by mouse or keyboard; the theme toggles', async ({ page }) => {
  const start = new StartPage(page);
  await start.goto();
  await start.choosePreset('fail-payment');
  const execution = await start.start();
  await execution.expectOutcome('COMPENSATED');

  await execution.openState('ProcessPayment');
  await expect(page.getByTestId('state-panel-status')).toHaveText(/Caught/);
  await expect(page.getByTestId('state-panel-error')).toContainText('PaymentFailed');

  // Keyboard: focus a node and press Enter.
  await page.locator('.react-flow__node[data-id="PaymentRefund"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'PaymentRefund' })).toBeVisible();

  const html = page.locator('html');
  const before = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', before ? 'light' : 'dark');
});
