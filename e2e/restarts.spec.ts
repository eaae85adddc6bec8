/**
 * The live view in bad weather, on a stack this test owns: its engine refuses every third
 * history read with ThrottlingException, is killed -9 mid-run and started again, and then
 * the dashboard is killed and started again. The page must say so quietly, recover by
 * itself, and end with exactly the events the engine recorded: none lost, none twice.
 * A held step (`holdStep`) keeps the saga mid-run across the engine's restart; it is
 * released while the dashboard is down, so the page has the rest of the run to catch up.
 */
import { DescribeExecutionCommand, GetExecutionHistoryCommand, type HistoryEvent, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { E2E } from '../playwright.config';
import { ExecutionPage } from './pages/execution-page';
import { EXPECTED } from './expected';
import { OwnStack, ownStackForThisSpec } from './stack';
import { engineClient } from './engine-client';
import { holdReleaserOn } from './pages/saga-runs';

const stack = new OwnStack({ engine: E2E.ownEngine, dynamo: E2E.ownDynamo, dashboard: E2E.ownDashboard }, 3);

ownStackForThisSpec(stack);

/** Calls again while the engine refuses (it throttles this client too). */
async function retrying<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function engineHistory(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await retrying(() => sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 })));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

test('throttling and restarts of engine and dashboard lose no event and show none twice', async ({ page }) => {
  test.setTimeout(150_000);
  const sfn = engineClient(stack.engineEndpoint, { maxAttempts: 1 });
  const orderId = `rst${Date.now().toString(36)}`;
  const name = `happy--${orderId}`;
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN,
      name,
      input: JSON.stringify({ orderId, holdStep: 'UpdateInventory' }),
    }),
  );

  await page.goto(`${stack.baseURL}/executions/${encodeURIComponent(name)}`);
  const execution = new ExecutionPage(page);
  // Every state the live indicator passes through, recorded as it happens.
  await execution.recordAttribute('live-status', 'data-state');
  const liveStates = () => execution.recordedAttribute('live-status', 'data-state');

  await execution.expectStatus('UpdateInventory', 'RUNNING', 20_000);

  // The engine dies mid-step and comes back on the same data: the run resumes, held again.
  await stack.killEngine();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'unavailable', { timeout: 20_000 });
  await stack.startEngine();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await execution.expectStatus('UpdateInventory', 'RUNNING');

  // The dashboard dies; the saga runs to its end meanwhile, and the browser, reconnecting
  // to the new dashboard, has all of that to catch up on.
  await stack.killDashboard();
  await holdReleaserOn(E2E.ownDynamo)(orderId, 'UpdateInventory');
  await expect
    .poll(async () => (await retrying(() => sfn.send(new DescribeExecutionCommand({ executionArn })))).status, { timeout: 30_000 })
    .toBe('SUCCEEDED');
  await stack.startDashboard();

  await execution.expectOutcome('COMPLETED', 60_000);
  await execution.expectStatuses(EXPECTED.happy!.states);
  expect(await liveStates()).toEqual(expect.arrayContaining(['throttled', 'unavailable', 'ended']));

  // The page holds exactly the engine's history: same count, and ids 1..n each once.
  const recorded = await engineHistory(sfn, executionArn!);
  await page.getByTestId('tab-events').click();
  await expect(page.getByTestId('event-table-count')).toHaveAttribute('data-count', String(recorded.length));
  expect(recorded.map((e) => e.id)).toEqual(recorded.map((_, i) => i + 1));
  sfn.destroy();
});
