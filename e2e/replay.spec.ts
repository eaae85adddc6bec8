/**
 * Replay and the follow view, on the real stack: a moment of an execution (`?at=`) shows
 * what the reader (and `npm run -s inspect -- FILE --at N`) says of events 1..N, and the
 * room's read-only view follows the presenter's next execution by itself.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, DescribeStateMachineForExecutionCommand, GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { runInspect } from '../scripts/inspect-run';
import { engineClient } from './engine-client';
import { ExecutionActions } from './pages/execution-actions';
import { ExecutionPage } from './pages/execution-page';
import { releaseHold, startSaga } from './pages/saga-runs';

const sfn = engineClient();
const arnOf = (name: string) => `${LOCAL_SAGA_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${name}`;

async function finishedHistory(name: string): Promise<{ definition: unknown; events: HistoryEvent[] }> {
  const executionArn = arnOf(name);
  await expect.poll(async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status, { timeout: 30_000 }).not.toBe('RUNNING');
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const described = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
  return { definition: JSON.parse(described.definition ?? '{}') as unknown, events };
}

/** The inspect CLI's statuses over the first `at` events of the exported file. */
async function inspectAt(file: string, at: number): Promise<Record<string, string>> {
  const out = await runInspect([file, '--at', String(at)]);
  expect(out.code, out.stderr).toBe(0);
  const { states } = JSON.parse(out.stdout) as { states: Record<string, { status: string }> };
  return Object.fromEntries(Object.entries(states).map(([name, s]) => [name, s.status]));
}

const idOf = (events: HistoryEvent[], find: (e: HistoryEvent, i: number) => boolean): number => {
  const id = events.find(find)?.id;
  if (id === undefined) throw new Error('no such event in the history');
  return id;
};

test('?at=N shows, node by node, what the reader says of events 1..N; the data panel moves with it', async ({ page }) => {
  // Six page loads and a played replay: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const name = await startSaga({ failProcessPayment: true });
  const { definition, events } = await finishedHistory(name);
  const file = join(mkdtempSync(join(tmpdir(), 'replay-e2e-')), 'export.json');
  writeFileSync(file, JSON.stringify({ definition, events }));

  const entered = (state: string) => (e: HistoryEvent) => (e.type ?? '').endsWith('StateEntered') && e.stateEnteredEventDetails?.name === state;
  const after = (id: number, type: string) => (e: HistoryEvent) => (e.id ?? 0) > id && e.type === type;
  const paymentEntered = idOf(events, entered('ProcessPayment'));
  const refundEntered = idOf(events, entered('PaymentRefund'));
  const rollbackEntered = idOf(events, entered('InventoryRollback'));
  const paymentFailed = idOf(events, after(paymentEntered, 'LambdaFunctionFailed'));
  const refunded = idOf(events, after(refundEntered, 'LambdaFunctionSucceeded'));
  const moments = [
    idOf(events, entered('UpdateInventory')),
    paymentFailed,
    refundEntered,
    refunded,
    // mid-compensation: the refund done, the stock on its way back
    rollbackEntered,
    (events.at(-1)?.id ?? 0) - 1,
  ];

  const execution = new ExecutionPage(page);
  for (const at of moments) {
    await page.goto(`/executions/${name}?at=${at}`);
    await expect(page.getByTestId('replay-position')).toHaveAttribute('data-event-id', String(at));
    await expect(execution.node('CreateOrder')).toBeVisible();
    const expected = await inspectAt(file, events.findIndex((e) => e.id === at) + 1);
    await execution.expectStatuses(expected as Parameters<ExecutionPage['expectStatuses']>[0]);
  }
  // At the failure nothing has been undone yet.
  expect(await inspectAt(file, paymentFailed)).toMatchObject({ PaymentRefund: 'NOT_RUN', CreateOrder: 'SUCCEEDED' });

  // The data panel, from what the handlers returned: charged until the refund, refunded after.
  await page.goto(`/executions/${name}?at=${refunded - 1}`);
  await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'CHARGED');
  await expect(execution.data('order-status')).toHaveAttribute('data-order-status', 'PENDING');
  // The panels are server-rendered; the keys answer once the page has hydrated, as its export buttons show.
  await expect(page.getByTestId('export-json')).toBeEnabled();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('replay-position')).toHaveAttribute('data-event-id', String(refunded));
  await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'REFUNDED');
  await expect(page).toHaveURL(new RegExp(`[?&]at=${refunded}\\b`));

  // The event table's highlighted row is the moment shown.
  await page.getByTestId('tab-events').click();
  await expect(page.locator('[data-testid="event-row"][data-current]')).toContainText(String(refunded));
  // The timeline keeps the whole run on its axis, with a cursor at the moment.
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-cursor')).toBeVisible();

  // Home, then play at 8×: it runs to the end by itself and ends following.
  // (The timeline's tab has the focus, and a tab list keeps Home for itself: the button.)
  await page.getByTestId('replay-home').click();
  await expect(page.getByTestId('replay-position')).toHaveAttribute('data-position', '0');
  await page.getByTestId('replay-speed').selectOption('8');
  await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('replay-bar')).not.toHaveAttribute('data-replaying', 'true', { timeout: 30_000 });
  await expect(page).not.toHaveURL(/[?&]at=/);
  await execution.expectOutcome('COMPENSATED');
});

test('a running execution: stepping back stops following, one click returns to live', async ({ page }) => {
  const name = await startSaga({ holdStep: 'ProcessPayment' });
  const execution = new ExecutionPage(page);
  await page.goto(`/executions/${name}`);
  await execution.expectStatus('ProcessPayment', 'RUNNING');
  await expect(page.getByTestId('export-json')).toBeEnabled();
  // Back over ProcessPayment's entry, its Lambda's scheduling and start: three events.
  await page.getByTestId('replay-back').click();
  await expect(page.getByTestId('replay-bar')).toHaveAttribute('data-replaying', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await execution.expectStatus('ProcessPayment', 'NOT_RUN');
  await execution.expectStatus('UpdateInventory', 'SUCCEEDED');
  await releaseHold(name, 'ProcessPayment');
  // New events arrive (the header stays on the real execution), the replay stays where it was.
  await execution.expectOutcome('COMPLETED');
  await execution.expectStatus('ProcessPayment', 'NOT_RUN');
  await page.getByTestId('replay-live').click();
  await execution.expectOutcome('COMPLETED');
  await execution.expectStatus('ProcessPayment', 'SUCCEEDED');
});

test('the follow view switches by itself to the execution the presenter starts, live, with no controls', async ({ browser, page }) => {
  // Two browsers, five page loads and a run to its end: more than the default minute on a shared machine.
  test.setTimeout(150_000);
  // The presenter puts a run on the room's screen.
  const first = await startSaga({});
  await page.goto(`/executions/${first}`);
  await expect(page.getByTestId('export-json')).toBeEnabled();
  await page.getByTestId('audience-link').click();
  await expect(page.getByTestId('audience-qr').locator('svg')).toBeVisible();
  await expect(page.getByTestId('audience-url')).toHaveText(/\/follow$/);
  await page.getByTestId('audience-show').click();
  await expect(page.getByRole('status')).toContainText('follows');

  const room = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const phone = await room.newPage();
  await phone.goto('/follow');
  await expect(phone.getByTestId('follow-view')).toHaveAttribute('data-execution', first);
  await expect(phone.getByTestId('saga-outcome')).toHaveAttribute('data-outcome', 'COMPLETED', { timeout: 30_000 });

  // The presenter starts the next one (Run again of a held run is held too): the phone follows.
  const held = await startSaga({ holdStep: 'ProcessPayment' });
  await page.goto(`/executions/${held}`);
  const next = await new ExecutionActions(page).runAgain();
  await expect(phone.getByTestId('follow-view')).toHaveAttribute('data-execution', next, { timeout: 20_000 });
  await expect(phone.getByTestId('state-ProcessPayment')).toHaveAttribute('data-status', 'RUNNING');
  await expect(phone.getByTestId('saga-outcome')).toHaveAttribute('data-outcome', 'RUNNING');
  await releaseHold(next, 'ProcessPayment');
  await expect(phone.getByTestId('state-ProcessPayment')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 20_000 });
  await expect(phone.getByTestId('saga-outcome')).toHaveAttribute('data-outcome', 'COMPLETED');

  // Read-only: none of the presenter's controls, and the graph and outcome on a phone's screen.
  for (const id of ['action-stop', 'action-redrive', 'action-rerun', 'start-button', 'replay-bar', 'audience-link']) {
    await expect(phone.getByTestId(id)).toHaveCount(0);
  }
  await expect(phone.getByRole('button', { name: /stop|redrive|start|run again/i })).toHaveCount(0);
  for (const id of ['saga-outcome', 'state-CreateOrder', 'state-OrderConfirmed']) {
    const box = await phone.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.y + box!.height, `${id} on the first screen`).toBeLessThanOrEqual(844);
  }
  await releaseHold(held, 'ProcessPayment');
  await room.close();
});
