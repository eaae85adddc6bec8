/**
 * Many orders at once, from the browser: a mixed batch runs to completion, its tallies and
 * its heatmap agree with what the engine recorded, every invariant holds over the tables,
 * and a write that breaks one (stock taken with no order) turns exactly that one red.
 * On a stack of its own: the invariants span every order in the tables, so no other
 * spec's orders may be among them.
 */
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { expect, test, type Page } from '@playwright/test';
import { LOCAL_SAGA_STATE_MACHINE_ARN, sagaDataConfig } from '@/lib/env';
import { parseDefinition, toExecutionEvent } from '@/lib/sfn/reshape';
import { readExecution } from '@/lib/history/read-execution';
import { createSagaClients } from '@/lib/saga-data/clients';
import { planBatch } from '@/lib/batch/plan';
import { encodeSettings, type BatchSettings } from '@/lib/batch/settings';
import { E2E } from '../playwright.config';
import { engineClient } from './engine-client';
import { holdReleaserOn } from './pages/saga-runs';
import { OwnStack, ownStackForThisSpec } from './stack';

const MIX = { happy: 40, 'fail-order': 0, 'fail-inventory': 10, 'fail-payment': 20, 'fail-refund': 15, 'flaky-payment': 15, slow: 0, 'slow-payment-fails': 0 };

const stack = new OwnStack({ engine: E2E.batchEngine, dynamo: E2E.batchDynamo, dashboard: E2E.batchDashboard });
const sfn = engineClient(stack.engineEndpoint);
const data = sagaDataConfig({ DYNAMODB_ENDPOINT: `http://127.0.0.1:${E2E.batchDynamo}` });

test.describe.configure({ mode: 'serial' });
ownStackForThisSpec(stack);

async function batchExecutions(batchId: string) {
  const out = await sfn.send(new ListExecutionsCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, maxResults: 1000 }));
  return (out.executions ?? []).filter((e) => e.name?.includes(`--${batchId}-`));
}

/** The outcome from what the engine says of the execution alone: how it ended and with which error. */
async function engineOutcome(executionArn: string): Promise<string> {
  const e = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  if (e.status === 'SUCCEEDED') return 'COMPLETED';
  if (e.status === 'FAILED') return e.error === 'SagaRolledBack' ? 'COMPENSATED' : 'COMPENSATION_FAILED';
  return String(e.status);
}

const tally = async (page: Page, outcome: string) => Number(await page.getByTestId(`tally-${outcome}`).getAttribute('data-count'));

test('a mixed batch runs from the browser; tallies, heatmap and invariants agree with the engine and the tables', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`${stack.baseURL}/batch`);
  await page.getByTestId('batch-count').fill('40');
  await page.getByTestId('batch-concurrency').fill('10');
  for (const [preset, percent] of Object.entries(MIX)) await page.getByTestId(`mix-${preset}`).fill(String(percent));
  await expect(page.getByTestId('mix-total')).toHaveText(/Total 100 %/);
  await page.getByTestId('batch-start').click();

  await expect(page).toHaveURL(/\/batch\?id=bat-[0-9a-z]{8}&s=/);
  const batchId = (await page.getByTestId('batch-id').textContent()) ?? '';
  await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-done', 'true', { timeout: 180_000 });
  await expect(page.getByTestId('batch-ended')).toHaveText('40');

  // The tallies equal the engine's executions by outcome.
  const executions = await batchExecutions(batchId);
  expect(executions).toHaveLength(40);
  const expected: Record<string, number> = {};
  for (const e of executions) {
    const outcome = await engineOutcome(e.executionArn ?? '');
    expected[outcome] = (expected[outcome] ?? 0) + 1;
  }
  // 15 % of 40 orders have a refund that fails: their rollbacks stop, waiting for a person.
  expect(expected).toEqual({ COMPLETED: 22, COMPENSATED: 12, COMPENSATION_FAILED: 6 });
  for (const outcome of ['COMPLETED', 'COMPENSATED', 'COMPENSATION_FAILED', 'FAILED', 'ABORTED']) {
    expect(await tally(page, outcome), outcome).toBe(expected[outcome] ?? 0);
  }

  // The heatmap's per-state counts equal those read from the histories here.
  const definition = parseDefinition(
    (await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN }))).definition,
  );
  const counts: Record<string, Record<string, number>> = {};
  for (const e of executions) {
    const out = await sfn.send(new GetExecutionHistoryCommand({ executionArn: e.executionArn, maxResults: 1000 }));
    const reading = readExecution(definition, (out.events ?? []).map(toExecutionEvent));
    for (const s of Object.values(reading.states)) {
      if (s.status === 'NOT_RUN') continue;
      counts[s.name] ??= {};
      const perState = counts[s.name] ?? {};
      perState[s.status] = (perState[s.status] ?? 0) + 1;
    }
  }
  await page.getByTestId('batch-aggregate').click();
  await expect(page).toHaveURL(new RegExp(`/aggregate\\?batch=${batchId}`));
  await expect(page.getByTestId('aggregate-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('aggregate-count')).toHaveText('40');
  for (const name of Object.keys(definition.States)) {
    const shown = JSON.parse((await page.getByTestId(`state-${name}`).getAttribute('data-counts')) ?? 'null') as unknown;
    expect(shown, name).toEqual(counts[name] ?? {});
  }
  expect(counts.PaymentRefund).toEqual({ SUCCEEDED: 8, FAILED: 6 });
  await expect(page.getByTestId('error-group').first()).toContainText('ProcessPayment');

  // Every invariant holds after the batch; the stopped rollbacks are listed for a person.
  await page.getByTestId('nav-invariants').click();
  for (const id of ['stock-conserved', 'confirmed-charged', 'cancelled-refunded', 'no-stale-pending']) {
    await expect(page.getByTestId(`invariant-${id}`)).toHaveAttribute('data-holds', 'true');
  }
  await expect(page.getByTestId('needs-human').getByTestId('offender')).toHaveCount(6);

  // Stock taken with no order: that invariant turns red and names the SKU; nothing else changes.
  const { doc } = createSagaClients(data);
  await doc.send(
    new UpdateCommand({
      TableName: data.tables.inventory,
      Key: { pk: 'sku-gadget' },
      UpdateExpression: 'SET available = available - :q',
      ExpressionAttributeValues: { ':q': 3 },
    }),
  );
  await page.reload();
  const broken = page.getByTestId('invariant-stock-conserved');
  await expect(broken).toHaveAttribute('data-holds', 'false');
  await expect(broken.getByTestId('offender')).toHaveCount(1);
  await expect(broken.getByTestId('offender')).toHaveAttribute('data-key', 'sku-gadget');
  await expect(broken).toContainText('sku-gadget: seed 500 − confirmed 0 − held 0 = 500, but 497 available');
  for (const id of ['confirmed-charged', 'cancelled-refunded', 'no-stale-pending']) {
    await expect(page.getByTestId(`invariant-${id}`)).toHaveAttribute('data-holds', 'true');
  }
  await expect(page.getByTestId('balance-sku-widget')).toHaveAttribute('data-holds', 'true');
  await expect(page.getByTestId('needs-human').getByTestId('offender')).toHaveCount(6);
});

test('a batch left half-started by a dashboard restart is resumed: every order starts exactly once', async ({ page }) => {
  test.setTimeout(180_000);
  const batchId = `bat-${Date.now().toString(36).slice(-8).padStart(8, '0')}`;
  const settings: BatchSettings = { mode: 'mix', count: 4, concurrency: 1, mix: { happy: 100 } };
  const plan = planBatch(batchId, settings);
  const [first] = plan;
  if (!first) throw new Error('empty plan');
  // The plan's first order is already started, held at ProcessPayment: the runner finds it,
  // and at concurrency 1 it waits for it, so the dashboard dies with the batch half-started.
  await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN,
      name: first.name,
      input: JSON.stringify({ ...first.input, holdStep: 'ProcessPayment' }),
    }),
  );
  await page.goto(`${stack.baseURL}/batch?id=${batchId}&s=${encodeSettings(settings)}`);
  await page.getByTestId('batch-resume').click();
  await expect(page.getByTestId('batch-state')).toHaveText('Starting orders');
  await expect(page.getByTestId('batch-started')).toHaveText('1');

  await stack.killDashboard();
  await stack.startDashboard();
  await page.reload();
  // Rebuilt from Step Functions alone: one order of four started, and nothing starting more.
  await expect(page.getByTestId('batch-started')).toHaveText('1');
  await expect(page.getByTestId('batch-state')).toHaveText('Running');
  await holdReleaserOn(E2E.batchDynamo)(first.input.orderId, 'ProcessPayment');
  await page.getByTestId('batch-resume').click();
  await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-done', 'true', { timeout: 120_000 });
  await expect(page.getByTestId('batch-ended')).toHaveText('4');
  expect(await tally(page, 'COMPLETED')).toBe(4);
  const names = (await batchExecutions(batchId)).map((e) => e.name);
  expect(names.sort()).toEqual(plan.map((o) => o.name).sort());
});
