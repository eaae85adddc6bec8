/**
 * Issue 15, a dashboard put in front of a room: shared mode with the operator's sign-in
 * and an allow-list of the saga, on an engine of its own so its call counts (`GET /_stats`)
 * show exactly what the dashboard asked for. Every refusal is checked at the engine too:
 * nothing was called.
 */
import { readFileSync } from 'node:fs';
import { CreateStateMachineCommand, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { type APIRequestContext, expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { sagaStart } from '@/lib/saga/start';
import { parseSagaInput } from '@/lib/saga/input';
import { E2E } from '../playwright.config';
import { engineClient } from './engine-client';
import { OwnStack, ownStackForThisSpec } from './stack';

const SECRET = 'e2e-operator-secret-0123456789';
/** Low, so the rate test reaches it in a few writes; each other test signs in afresh and spends fewer. */
const WRITES_PER_MINUTE = 5;
const stack = new OwnStack({ engine: E2E.accessEngine, dynamo: E2E.accessDynamo, dashboard: E2E.accessDashboard }, undefined, {
  env: {
    DASHBOARD_MODE: 'shared',
    DASHBOARD_SECRET: SECRET,
    ALLOWED_STATE_MACHINES: 'OrderSaga',
    WRITE_RATE_PER_MINUTE: String(WRITES_PER_MINUTE),
  },
});
const sfn = engineClient(stack.engineEndpoint);
const base = stack.baseURL;

// One dashboard, one session store and one sign-in limiter: the tests build on each other.
test.describe.configure({ mode: 'serial' });

ownStackForThisSpec(stack);

/** The build's server-action ids by exported name, as a forger would read them from the page's JS. */
function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids[entry.exportedName] = id;
  return ids;
}

/** A server-action POST from this origin, as the browser would send it, but with arguments of our choosing. */
async function forgeAction(api: APIRequestContext, path: string, action: string, args: unknown[]): Promise<number> {
  const id = actionIds()[action];
  if (!id) throw new Error(`no server action ${action} in the build`);
  const response = await api.post(`${base}${path}`, {
    headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: base },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return response.status();
}

type Counts = Record<string, number>;
const WRITES = ['StartExecution', 'StopExecution', 'RedriveExecution'] as const;

async function engineCalls(): Promise<Counts> {
  const response = await fetch(`${stack.engineEndpoint}/_stats`);
  return ((await response.json()) as { byOperation: Counts }).byOperation;
}

const only = (counts: Counts, operations: readonly string[]) => Object.fromEntries(operations.map((op) => [op, counts[op] ?? 0]));

let serial = 0;
/** A saga on the stack's engine, held at UpdateInventory so it is RUNNING while the test looks. */
async function heldSaga(): Promise<string> {
  const parsed = parseSagaInput({ holdStep: 'UpdateInventory' });
  if (!parsed.ok) throw new Error(parsed.message);
  serial += 1;
  const start = sagaStart(parsed.value, `acc-${Date.now().toString(36)}-${serial}`);
  if (!start.ok) throw new Error(start.message);
  await sfn.send(new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name: start.name, input: JSON.stringify(start.input) }));
  return start.name;
}

const executionArnOf = (name: string): string => `${LOCAL_SAGA_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${name}`;

/** A saga stopped by the SDK: ABORTED, so Redrive is offered to whoever may write. */
async function abortedSaga(): Promise<string> {
  const name = await heldSaga();
  await sfn.send(new StopExecutionCommand({ executionArn: executionArnOf(name) }));
  return name;
}

async function signIn(page: Page, secret = SECRET): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByTestId('sign-in-secret').fill(secret);
  await page.getByTestId('sign-in-submit').click();
}

test('not signed in: the room sees no Start, Stop, Redrive, Run again or batch control, and forged posts are refused with nothing called', async ({ page }) => {
  const running = await heldSaga();
  const aborted = await abortedSaga();

  await page.goto(`${base}/`);
  await expect(page.getByTestId('start-form')).toBeVisible();
  await expect(page.getByTestId('writes-closed')).toBeVisible();
  await expect(page.getByTestId('start-button')).toHaveCount(0);
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
  await expect(page.locator('[data-testid^="run-preset-"]')).toHaveCount(0);
  await page.goto(`${base}/batch`);
  await expect(page.getByTestId('writes-closed')).toBeVisible();
  await expect(page.getByTestId('batch-start')).toHaveCount(0);

  await page.goto(`${base}/executions/${running}`);
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', 'RUNNING');
  await expect(page.getByTestId('action-stop')).toHaveCount(0);
  await expect(page.getByTestId('action-rerun')).toHaveCount(0);
  await page.goto(`${base}/executions/${aborted}`);
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', 'ABORTED');
  await expect(page.getByTestId('redrive-plan')).toHaveCount(0);
  await expect(page.getByTestId('action-redrive')).toHaveCount(0);

  const before = await engineCalls();
  const api = await playwrightRequest.newContext();
  expect(await forgeAction(api, '/', 'startSaga', [{ status: 'idle' }, {}])).toBe(401);
  expect(await forgeAction(api, `/executions/${running}`, 'stopExecution', [{ name: running }, 0])).toBe(401);
  expect(await forgeAction(api, `/executions/${aborted}`, 'redriveExecution', [{ name: aborted }, 0])).toBe(401);
  expect(await forgeAction(api, `/executions/${aborted}`, 'runAgain', [{ name: aborted }])).toBe(401);
  expect(await forgeAction(api, '/batch', 'startBatch', [{ status: 'idle' }, {}])).toBe(401);
  expect(await forgeAction(api, '/batch', 'resumeBatch', ['bat-aaaaaaaa', 'x'])).toBe(401);
  expect(await forgeAction(api, '/batch', 'cancelBatch', ['bat-aaaaaaaa'])).toBe(401);
  expect(await forgeAction(api, `/executions/${running}`, 'showToAudience', [{ name: running }])).toBe(401);
  await api.dispose();
  expect(only(await engineCalls(), [...WRITES, 'DescribeExecution'])).toEqual(only(before, [...WRITES, 'DescribeExecution']));
});

test('signed in, the operator sees the controls and the same actions work', async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(`${base}/`);
  await expect(page.getByTestId('access-mode')).toHaveText('Operator');
  const before = await engineCalls();

  await page.getByTestId('start-button').click();
  await expect(page).toHaveURL(/\/executions\/happy--ord-/);
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', /RUNNING|SUCCEEDED/);

  const running = await heldSaga();
  await page.goto(`${base}/executions/${running}`);
  await page.getByTestId('action-stop').click();
  await page.getByTestId('action-stop-confirm').click();
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', 'ABORTED');
  await page.getByTestId('action-redrive').click();
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', 'RUNNING');

  // A post with the operator's cookie is a real request: it is carried out.
  const other = await heldSaga();
  expect(await forgeAction(page.request, `/executions/${other}`, 'stopExecution', [{ name: other }, 0])).toBe(200);

  const after = await engineCalls();
  // The form's start, and the two held sagas this test started itself.
  expect((after.StartExecution ?? 0) - (before.StartExecution ?? 0)).toBe(3);
  expect((after.StopExecution ?? 0) - (before.StopExecution ?? 0)).toBe(2);
  expect((after.RedriveExecution ?? 0) - (before.RedriveExecution ?? 0)).toBe(1);
});

test('signed in, Run again starts a copy and a batch starts its orders', async ({ page }) => {
  const held = await heldSaga();
  await sfn.send(new StopExecutionCommand({ executionArn: executionArnOf(held) }));
  await signIn(page);
  await expect(page.getByTestId('sign-out')).toBeVisible();
  const before = (await engineCalls()).StartExecution ?? 0;

  await page.goto(`${base}/executions/${held}`);
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', 'ABORTED');
  await page.getByTestId('action-rerun').click();
  await expect(page).not.toHaveURL(new RegExp(`/executions/${held}$`));
  await expect(page).toHaveURL(/\/executions\/[^/?]+$/);
  expect(((await engineCalls()).StartExecution ?? 0) - before).toBe(1);

  await page.goto(`${base}/batch`);
  await page.getByTestId('batch-count').fill('3');
  await page.getByTestId('batch-concurrency').fill('3');
  await page.getByTestId('batch-start').click();
  await expect(page).toHaveURL(/\/batch\?id=bat-[0-9a-z]{8}&s=/);
  // The runner starts the orders after the redirect, each one a StartExecution.
  await expect.poll(async () => ((await engineCalls()).StartExecution ?? 0) - before).toBe(4);
});

test(`a session may make ${WRITES_PER_MINUTE} writes a minute: the next is refused with a clear message and starts nothing`, async ({ page }) => {
  const shown = await heldSaga();
  await signIn(page);
  await expect(page.getByTestId('sign-out')).toBeVisible();
  // Any write counts: putting an execution up for the room is one, as a start is.
  for (let i = 1; i < WRITES_PER_MINUTE; i += 1) {
    expect(await forgeAction(page.request, `/executions/${shown}`, 'showToAudience', [{ name: shown }])).toBe(200);
  }
  const before = (await engineCalls()).StartExecution ?? 0;
  await page.goto(`${base}/`);
  await page.getByTestId('start-button').click();
  await expect(page).toHaveURL(/\/executions\/happy--ord-/);
  expect(((await engineCalls()).StartExecution ?? 0) - before).toBe(1);

  await page.goto(`${base}/`);
  await page.getByTestId('start-button').click();
  await expect(page.getByTestId('start-error')).toContainText(/Too many actions from this session: wait \d+ s and try again\. Nothing was done\./);
  await expect(page).toHaveURL(`${base}/`);
  await page.goto(`${base}/batch`);
  await page.getByTestId('batch-count').fill('2');
  await page.getByTestId('batch-start').click();
  await expect(page.getByTestId('batch-error')).toContainText('Too many actions from this session');
  expect(((await engineCalls()).StartExecution ?? 0) - before).toBe(1);
});

test('over TLS (a proxy saying X-Forwarded-Proto: https) the session cookie is Secure, and still httpOnly and SameSite', async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-proto': 'https' } });
  const page = await context.newPage();
  // The sign-in form's server action: the POST that sets the cookie.
  const action = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined);
  await signIn(page);
  const cookie = (await (await action).headerValue('set-cookie')) ?? '';
  expect(cookie).toMatch(/^saga_session=/);
  expect(cookie).toMatch(/;\s*Secure(;|$)/i);
  expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
  expect(cookie).toMatch(/;\s*SameSite=Lax(;|$)/i);
  await context.close();
});

test('the start form holds to the API\'s schema: "yes", "1e1" and unknown fields are refused by name, nothing starts', async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId('start-button')).toBeVisible();
  const before = only(await engineCalls(), WRITES);

  await page.getByLabel('Quantity').fill('1e1');
  await page.getByTestId('start-button').click();
  await expect(page.getByTestId('error-quantity')).toContainText('quantity');
  await page.getByLabel('Quantity').fill('1');

  // What a tampered page would post: a checkbox whose value is "yes", and a field nobody asked for.
  await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('input[name="failProcessPayment"]');
    if (box) {
      box.value = 'yes';
      box.checked = true;
    }
  });
  await page.getByTestId('start-button').click();
  await expect(page.getByTestId('error-failProcessPayment')).toContainText('failProcessPayment');
  await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('input[name="failProcessPayment"]');
    if (box) box.checked = false;
    const extra = document.createElement('input');
    extra.type = 'hidden';
    extra.name = 'isAdmin';
    extra.value = 'true';
    document.querySelector('[data-testid="start-form"]')?.append(extra);
  });
  await page.getByTestId('start-button').click();
  await expect(page.getByTestId('field-error')).toContainText('isAdmin');
  await expect(page).toHaveURL(`${base}/`);
  expect(only(await engineCalls(), WRITES)).toEqual(before);
});

test('allow-list of the saga: stop, redrive, run again and export on another machine are refused (403), nothing called', async ({ page }) => {
  const { stateMachineArn: victim = '' } = await sfn.send(
    new CreateStateMachineCommand({
      name: `victim-sm-${Date.now().toString(36)}`,
      definition: JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 600, End: true } } }),
      roleArn: 'arn:aws:iam::000000000000:role/test',
    }),
  );
  await sfn.send(new StartExecutionCommand({ stateMachineArn: victim, name: 'holds-a-secret', input: JSON.stringify({ apiKey: 'do-not-leak' }) }));
  await signIn(page);
  await expect(page.getByTestId('access-mode')).toHaveText('Operator');

  // Off the start page, so nothing in the browser reads while the counts are compared.
  await page.goto('about:blank');
  const reads = ['DescribeExecution', 'DescribeStateMachineForExecution', 'DescribeStateMachine', 'GetExecutionHistory', 'ListExecutions'];
  const before = only(await engineCalls(), [...WRITES, ...reads]);
  const ref = { name: 'holds-a-secret', stateMachineArn: victim };
  const path = `/executions/holds-a-secret?sm=${encodeURIComponent(victim)}`;
  expect(await forgeAction(page.request, path, 'stopExecution', [ref, 0])).toBe(403);
  expect(await forgeAction(page.request, path, 'redriveExecution', [ref, 0])).toBe(403);
  expect(await forgeAction(page.request, path, 'runAgain', [ref])).toBe(403);
  const exported = await page.request.get(`${base}/api/executions/holds-a-secret/export?sm=${encodeURIComponent(victim)}`);
  expect(exported.status()).toBe(403);
  const body = await exported.text();
  expect(body).toContain('allow-list');
  expect(body).not.toContain('do-not-leak');
  const opened = await page.request.get(`${base}${path}`);
  expect(opened.status()).toBe(403);
  expect(await opened.text()).not.toContain('do-not-leak');
  expect((await page.request.get(`${base}/api/executions?sm=${encodeURIComponent(victim)}`)).status()).toBe(403);
  // The step log route, the aggregate page and its route: the same read check, nothing read.
  const logs = await page.request.get(`${base}/api/executions/holds-a-secret/logs?state=Wait&from=0&to=${Date.now()}&sm=${encodeURIComponent(victim)}`);
  expect(logs.status()).toBe(403);
  expect(await logs.text()).toContain('allow-list');
  // The history the execution page hydrates with: the same check, so it leaks nothing either.
  const history = await page.request.get(`${base}/api/executions/holds-a-secret/history?upTo=999&sm=${encodeURIComponent(victim)}`);
  expect(history.status()).toBe(403);
  expect(await history.text()).not.toContain('do-not-leak');
  expect((await page.request.get(`${base}/aggregate?sm=${encodeURIComponent(victim)}`)).status()).toBe(403);
  const aggregate = await page.request.get(`${base}/api/aggregate?sm=${encodeURIComponent(victim)}`);
  expect(aggregate.status()).toBe(403);
  expect(await aggregate.text()).toContain('allow-list');
  expect(only(await engineCalls(), [...WRITES, ...reads])).toEqual(before);
});

test('sign out ends the session: the controls go and the old cookie no longer writes', async ({ page }) => {
  await signIn(page);
  // Signed in once the header offers sign-out: only then is the cookie certainly set.
  await expect(page.getByTestId('sign-out')).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === 'saga_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
  await expect(page.getByTestId('start-button')).toHaveCount(0);

  const replay = await playwrightRequest.newContext({ extraHTTPHeaders: { Cookie: `saga_session=${cookie?.value ?? ''}` } });
  const running = await heldSaga();
  expect(await forgeAction(replay, `/executions/${running}`, 'stopExecution', [{ name: running }, 0])).toBe(401);
  await replay.dispose();
});

test('a wrong secret is refused, and after five the sign-in is closed for the minute, even to the right one', async ({ page }) => {
  // All six tries on one page, each awaited by its answer: reloading the page per try took
  // more than the limiter's minute on a loaded machine, and the first tries had expired.
  await page.goto(`${base}/sign-in`);
  for (let i = 1; i <= 5; i += 1) {
    await page.getByTestId('sign-in-secret').fill(`wrong-secret-${i}-xxxxxxxxxx`);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/sign-in');
    await page.getByTestId('sign-in-submit').click();
    await answered;
    await expect(page.getByTestId('sign-in-error')).toHaveText('That is not the operator secret.');
  }
  await page.getByTestId('sign-in-secret').fill('wrong-secret-6-xxxxxxxxxx');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveAttribute('data-rate-limited', 'true');
  await expect(page.getByTestId('sign-in-error')).toContainText('Too many wrong secrets');
  await signIn(page);
  await expect(page.getByTestId('sign-in-error')).toContainText('Too many wrong secrets');
  await expect(page.getByTestId('sign-in-link')).toBeVisible();
});
