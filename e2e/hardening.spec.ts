/**
 * Issue 15, web hardening on the shared e2e dashboard (local mode): security headers on
 * every page and route, a CSP that Next's scripts, React Flow and our pages live within,
 * right status codes for bad addresses, names Step Functions accepts opening, no XSS, no
 * cross-origin server action, and a local dashboard that listens on 127.0.0.1 only.
 */
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { LOCAL_SAGA_STATE_MACHINE_ARN } from '@/lib/env';
import { E2E } from '../playwright.config';
import { accepts } from '../scripts/wait-for-port';
import { engineClient } from './engine-client';
import { startSaga } from './pages/saga-runs';

const sfn = engineClient();
const base = `http://localhost:${E2E.dashboard}`;

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  const csp = headers['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
  expect(scriptSrc, what).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc, what).not.toContain('unsafe-inline');
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['strict-transport-security'], `${what}: no HSTS over plain HTTP`).toBeUndefined();
}

test('every page and API route carries the security headers, with a fresh nonce each time; HSTS over TLS', async ({ request }) => {
  const name = await startSaga({});
  const paths = [
    '/',
    '/executions',
    `/executions/${name}`,
    '/state-machines',
    '/state-machines/OrderSaga',
    '/import',
    `/compare?a=${name}&b=${name}`,
    '/sign-in',
    '/aggregate',
    '/batch',
    '/follow',
    '/invariants',
    '/no-such-page',
    '/api/executions',
    `/api/executions/${name}/export`,
    `/api/executions/${name}/logs?state=ProcessPayment&from=0&to=${Date.now()}`,
    `/api/executions/${name}/history?upTo=1`,
    '/api/aggregate',
    // No such batch (400): an error answer carries the headers too.
    '/api/batches/bat-aaaaaaaa',
    '/api/orders/ord-x?sku=sku-widget',
    '/icon.svg',
  ];
  const nonces = new Set<string>();
  for (const path of paths) {
    const response = await request.get(`${base}${path}`, { maxRedirects: 0 });
    expectSecurityHeaders(response.headers(), path);
    nonces.add(/'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '');
  }
  expect(nonces.size).toBe(paths.length);

  // The live streams answer headers first and then stay open: read their headers only.
  for (const path of [`/api/executions/${name}/stream`, '/api/follow/stream']) {
    const controller = new AbortController();
    const stream = await fetch(`${base}${path}`, { signal: controller.signal });
    expectSecurityHeaders(Object.fromEntries(stream.headers.entries()), path);
    controller.abort();
  }

  const overTls = await request.get(`${base}/`, { headers: { 'x-forwarded-proto': 'https' } });
  expect(overTls.headers()['strict-transport-security']).toMatch(/^max-age=\d+/);
});

test('bad addresses get 404 or 400, never a 500', async ({ request }) => {
  const cases: [string, number][] = [
    ['/executions/%ff%fe', 400],
    ['/executions/no-such-execution-here', 404],
    ['/executions/a%2Fb', 404],
    ['/state-machines/NoSuchMachine', 404],
    ['/state-machines/%ff', 400],
    ['/api/executions?sm=garbage', 404],
    ['/api/executions?sm=arn%3Anot-an-arn', 400],
    ['/api/executions?status=SIDEWAYS', 400],
    ['/api/executions/%ff%fe/export', 400],
    ['/api/executions/%ff%fe/stream', 400],
    ['/api/executions/x/export?sm=garbage', 400],
    ['/api/executions/no-such-execution-here/export', 404],
    // A name Next has already decoded once (`%25ff` is `%ff`), and one it could not decode.
    ['/api/executions/%25ff/logs?state=S&from=0&to=1', 400],
    ['/api/executions/%ff%fe/logs?state=S&from=0&to=1', 400],
    ['/api/executions/x/logs?state=S&from=0&to=1&sm=arn%3Ax', 400],
    ['/api/executions/x/logs?state=S&from=0&to=1&sm=garbage', 400],
    ['/api/executions/x/logs?state=S&from=2&to=1', 400],
    ['/api/executions/no-such-execution-here/logs?state=ProcessPayment&from=0&to=1', 404],
    ['/api/executions/%25ff/history?upTo=1', 400],
    ['/api/executions/x/history?upTo=abc', 400],
    ['/api/executions/x/history?upTo=-1', 400],
    ['/api/executions/x/history', 400],
    ['/api/executions/x/history?upTo=1&sm=arn%3Ax', 400],
    ['/api/executions/no-such-execution-here/history?upTo=1', 404],
    ['/api/aggregate?sm=arn%3Anot-an-arn', 400],
    ['/api/aggregate?status=SIDEWAYS', 400],
  ];
  for (const [path, status] of cases) {
    const response = await request.get(`${base}${path}`);
    expect(response.status(), `${path}: ${(await response.text()).slice(0, 300)}`).toBe(status);
  }
  const sm = await request.get(`${base}/api/executions?sm=garbage`);
  expect(((await sm.json()) as { error: { message: string } }).error.message).toContain('no state machine named garbage');
  // The aggregate lists in the background: a first answer may still be its progress (200).
  let missing = { status: 0, message: '' };
  await expect
    .poll(async () => {
      const response = await request.get(`${base}/api/aggregate?sm=garbage`);
      missing = { status: response.status(), message: ((await response.json()) as { message?: string }).message ?? '' };
      return missing.status;
    })
    .toBe(404);
  expect(missing.message).toContain('no state machine named garbage');
});

test('the main pages run under the CSP with no violation: start, execution, list, machines, import, compare', async ({ page }) => {
  test.setTimeout(150_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to: CSP ${e.violatedDirective} ${e.blockedURI}`));
  });
  const name = await startSaga({});
  await page.goto('/');
  await expect(page.getByTestId('start-button')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.goto(`/executions/${name}`);
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.goto('/executions');
  await expect(page.getByTestId(`row-${name}`).or(page.getByText(name).first())).toBeVisible();
  await page.goto('/state-machines');
  await page.getByTestId('machine-OrderSaga').click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.goto('/import');
  await page.getByTestId('import-file').setInputFiles('lib/history/fixtures/engine/compensated_payment_fails.json');
  await expect(page.getByTestId('saga-outcome')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.goto(`/compare?a=${name}&b=${name}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // Our one inline script (the stored theme, applied before first paint) runs under its nonce.
  await page.evaluate(() => localStorage.setItem('saga-theme', 'dark'));
  await page.goto('/import');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(violations).toEqual([]);
});

test('names Step Functions accepts open: dot.name-x1 and unicode', async ({ page }) => {
  for (const name of [`dot.name-x1-${Date.now().toString(36)}`, `bestellung-größe-注文-${Date.now().toString(36)}`]) {
    await sfn.send(new StartExecutionCommand({ stateMachineArn: LOCAL_SAGA_STATE_MACHINE_ARN, name, input: '{}' }));
    const response = await page.goto(`/executions/${encodeURIComponent(name)}`);
    expect(response?.status(), name).toBe(200);
    await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', /SUCCEEDED|RUNNING/);
    await expect(page.getByRole('heading', { level: 1 }).first()).toContainText(name);
  }
});

test('no XSS: markup in state names, input and a machine name is shown as text, never run', async ({ page }) => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const { stateMachineArn = '' } = await sfn.send(
    new CreateStateMachineCommand({
      name: `xss-${Date.now().toString(36)}`,
      definition: JSON.stringify({ StartAt: 'S<img src=x onerror=alert(1)>', States: { 'S<img src=x onerror=alert(1)>': { Type: 'Pass', End: true } } }),
      roleArn: 'arn:aws:iam::000000000000:role/test',
    }),
  );
  await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'xss-run', input: JSON.stringify({ note: payload }) }));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/executions/xss-run?sm=${encodeURIComponent(stateMachineArn)}`);
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(page.getByText('S<img src=x onerror=alert(1)>').first()).toBeVisible();
  await page.goto(`/state-machines/${stateMachineArn.split(':').at(-1) ?? ''}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('a server action posted from another origin is refused and starts nothing', async ({ request }) => {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'runAgain')?.[0] ?? '';
  const name = await startSaga({});
  const response = await request.post(`${base}/executions/${name}`, {
    headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'http://evil.example', Accept: 'text/x-component' },
    data: JSON.stringify([{ name }]),
    maxRedirects: 0,
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.headers()['x-action-redirect']).toBeUndefined();
});

test('a local dashboard listens on 127.0.0.1 only', async () => {
  expect(await accepts('127.0.0.1', E2E.dashboard)).toBe(true);
  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
  test.skip(external === undefined, 'this machine has no address but loopback');
  expect(await accepts(external ?? '', E2E.dashboard)).toBe(false);
  expect(await accepts('::1', E2E.dashboard)).toBe(false);
});
