/**
 * The executions list against the real engine: saga executions started through the SDK
 * with the names the dashboard gives them (`<scenario>--<orderId>`), found again through
 * the filters and the search; paging over a machine of its own, so other specs' runs
 * cannot change the counts.
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { E2E } from '../playwright.config';
import { ExecutionPage } from './pages/execution-page';
import { ExecutionsPage } from './pages/executions-page';
import { engineClient } from './engine-client';
import { releaseHold } from './pages/saga-runs';

const sfn = engineClient();

async function startSaga(scenario: string, orderId: string, switches: Record<string, unknown> = {}): Promise<string> {
  const name = `${scenario}--${orderId}`;
  await sfn.send(
    new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name, input: JSON.stringify({ orderId, ...switches }) }),
  );
  return name;
}

async function waitUntilDone(name: string): Promise<void> {
  const executionArn = LOCAL_SAGA_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:') + `:${name}`;
  await expect
    .poll(async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status, { timeout: 45_000 })
    .not.toBe('RUNNING');
}

/** UTC minutes, as the form's datetime fields take them. */
const utcMinute = (ms: number) => new Date(ms).toISOString().slice(0, 16);

test.describe('saga executions', () => {
  test.describe.configure({ mode: 'serial' });

  // One prefix per run: the search finds this spec's executions among everyone else's.
  const run = `lst${Date.now().toString(36)}`;
  const startedAround = Date.now();
  const names = { happy: '', pay: '', slow: '' };

  test.beforeAll(async () => {
    names.happy = await startSaga('happy', `${run}-happy`);
    names.pay = await startSaga('fail-payment', `${run}-pay`, { failProcessPayment: true });
    await Promise.all([waitUntilDone(names.happy), waitUntilDone(names.pay)]);
    // Running until the test has seen it so: UpdateInventory waits for the test's release.
    names.slow = await startSaga('slow', `${run}-slow`, { holdStep: 'UpdateInventory' });
  });

  test('filters by status, outcome, scenario and time, and searches by order id', async ({ page }) => {
    const list = new ExecutionsPage(page);
    await page.goto('/');
    await page.getByTestId('nav-executions').click();
    await expect(page.getByRole('heading', { name: 'Executions', level: 1 })).toBeVisible();

    await list.applyFilters({ q: run });
    await list.expectRows([names.slow, names.pay, names.happy]);
    await expect(list.row(names.pay)).toHaveAttribute('data-scenario', 'fail-payment');
    await expect(list.row(names.pay).getByTestId('row-step')).toContainText('ProcessPayment');
    await list.applyFilters({ q: run, status: 'RUNNING' });
    await list.expectRows([names.slow]);
    await expect(list.row(names.slow).getByTestId('row-step')).toContainText('UpdateInventory');
    // Let it go: from here on it is a completed run like the happy one.
    await releaseHold(names.slow, 'UpdateInventory');
    await waitUntilDone(names.slow);

    await list.applyFilters({ q: run, status: 'SUCCEEDED' });
    await list.expectRows([names.slow, names.happy]);
    await expect(list.row(names.happy)).toHaveAttribute('data-outcome', 'COMPLETED');

    await list.applyFilters({ q: run, outcome: 'COMPENSATED' });
    await list.expectRows([names.pay]);
    await expect(list.row(names.pay)).toHaveAttribute('data-status', 'FAILED');

    await list.applyFilters({ q: run, scenario: 'slow' });
    await list.expectRows([names.slow]);

    await list.applyFilters({ q: `${run}-pay` });
    await list.expectRows([names.pay]);

    await list.applyFilters({ q: run, from: utcMinute(startedAround - 60_000), to: utcMinute(Date.now() + 120_000) });
    await list.expectRows([names.slow, names.pay, names.happy]);
    await list.applyFilters({ q: run, to: utcMinute(startedAround - 60_000) });
    await list.expectRows([]);
    await expect(page.getByTestId('no-executions')).toContainText('No executions match');
  });

  test('refreshes on its own when an execution starts', async ({ page }) => {
    const list = new ExecutionsPage(page);
    await list.goto(`q=${run}`);
    await list.expectRows([names.slow, names.pay, names.happy]);
    const late = await startSaga('happy', `${run}-late`);
    // No reload: the list polls every 5 s through the shared server cache.
    await list.expectRows([late, names.slow, names.pay, names.happy], 20_000);
  });

  test('a row links to its execution page', async ({ page }) => {
    const list = new ExecutionsPage(page);
    await list.goto(`q=${run}-happy`);
    await list.row(names.happy).getByTestId('row-link').click();
    await page.waitForURL((url) => url.pathname === `/executions/${names.happy}` && url.searchParams.get('sm') === LOCAL_SAGA_STATE_MACHINE_ARN);
    await new ExecutionPage(page).expectOutcome('COMPLETED');
  });
});

test('bad filter values in the URL get a message naming each one, and no crash', async ({ page }) => {
  const list = new ExecutionsPage(page);
  await list.goto('status=DONE&outcome=COMPLETED&from=yesterday');
  await expect(list.filterError()).toContainText('status: must be one of RUNNING');
  await expect(list.filterError()).toContainText('from: use a date and time');
  await expect(list.filterError()).not.toContainText('outcome');
  await expect(page.getByTestId('executions-table')).toHaveCount(0);
  await list.filterError().getByTestId('filter-reset').click();
  await expect(list.filterError()).toHaveCount(0);
  await expect(list.summary()).toContainText('Page 1');
});

test('a stale page token gets a message and a way back to the first page', async ({ page }) => {
  const list = new ExecutionsPage(page);
  await list.goto('page=not-a-real-token');
  await expect(page.getByTestId('error-banner')).toContainText('This page link has expired');
  await page.getByTestId('first-page').click();
  await expect(list.summary()).toContainText('Page 1');
});

test('with the engine down, the list shows a banner', async ({ page }) => {
  await new ExecutionsPage(page).goto('', `http://localhost:${E2E.deadDashboard}`);
  await expect(page.getByTestId('error-banner')).toContainText(`Cannot reach the local engine at http://127.0.0.1:${E2E.deadEngine}`);
});

test('pages through a machine 25 executions at a time, and back', async ({ page }) => {
  const machine = `list-pages-${Date.now()}`;
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({
      name: machine,
      definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } }),
      roleArn: 'arn:aws:iam::000000000000:role/x',
    }),
  );
  const runs = Array.from({ length: 30 }, (_, i) => `run-${String(i).padStart(2, '0')}`);
  // One after the other, so start times give a known newest-first order.
  for (const name of runs) await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: '{}' }));
  const newestFirst = [...runs].reverse();

  const list = new ExecutionsPage(page);
  await list.goto(`sm=${machine}`);
  await expect(page.getByTestId('list-machine')).toHaveText(machine);
  await list.expectRows(newestFirst.slice(0, 25));
  await expect(page.getByTestId('page-previous')).toHaveCount(0);

  await list.nextPage();
  await list.expectRows(newestFirst.slice(25));
  await expect(list.summary()).toContainText('Page 2');
  await expect(page.getByTestId('page-next')).toHaveCount(0);
  await expect(list.row('run-00')).toHaveAttribute('data-outcome', 'COMPLETED');

  await list.previousPage();
  await list.expectRows(newestFirst.slice(0, 25));
  await expect(list.summary()).toContainText('Page 1');

  // A search reads on past the first page to fill its own: run-00 … run-09 span both.
  await list.goto(`sm=${machine}&q=run-0`);
  await list.expectRows(newestFirst.filter((n) => n.startsWith('run-0')));
  await expect(page.getByTestId('page-next')).toHaveCount(0);
});

test('at 1280×720, long names stay on one line, cut in the middle, and every column is on screen', async ({ page }, info) => {
  const batch = `wid${Date.now().toString(36)}`;
  // Near the 64 characters an order id may have: the kind of id a batch system writes.
  const long = await startSaga('slow-rollback', `${batch}-imported-from-the-nightly-batch-2026-11-30-0001`);
  const short = await startSaga('happy', `${batch}-s`);
  await Promise.all([waitUntilDone(short), waitUntilDone(long)]);
  await page.setViewportSize({ width: 1280, height: 720 });
  const list = new ExecutionsPage(page);
  await list.goto(`q=${batch}`);
  await list.expectRows([short, long]);
  await page.screenshot({ path: info.outputPath('list-1280.png') });

  const link = list.row(long).getByTestId('row-link');
  await expect(link).toHaveAttribute('title', long);
  await expect(link).toHaveAccessibleName(long);
  await expect(link).toHaveAttribute('href', new RegExp(`/executions/${long}\\?`));
  await expect(link).toHaveText(/^slow-rollbac.*….*-0001$/);
  await expect(list.row(short).getByTestId('row-link')).toHaveText(short);
  for (const name of [short, long]) {
    // An inline link that wraps has a box per line.
    const lines = await list.row(name).getByTestId('row-link').evaluate((a) => a.getClientRects().length);
    expect(lines, name).toBe(1);
  }
  const table = page.getByTestId('executions-table');
  const overflow = await table.evaluate((t) => ({ scroll: t.parentElement?.scrollWidth ?? 0, client: t.parentElement?.clientWidth ?? 0 }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  const duration = await page.getByRole('columnheader', { name: 'Duration' }).boundingBox();
  expect((duration?.x ?? Infinity) + (duration?.width ?? 0)).toBeLessThanOrEqual(1280);
});
