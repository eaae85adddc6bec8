/**
 * Issue 6, actions and compare: stop, redrive, run again, export (JSON round trip through
 * the import page, SVG and PNG) and the side-by-side comparison, on the real engine.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EXPECTED, SAGA_STATES } from './expected';
import { ComparePage } from './pages/compare-page';
import { ExecutionActions, graphStatuses } from './pages/execution-actions';
import { ExecutionPage } from './pages/execution-page';
import { ImportPage } from './pages/import-page';
import { releaseHold, startSaga } from './pages/saga-runs';

test('Stop asks first, then the live view shows the execution ABORTED', async ({ page }) => {
  // UpdateInventory waits for a release that never comes: the saga is running for as long
  // as the test needs (the held step gives up by itself well after the test is done).
  const name = await startSaga({ holdStep: 'UpdateInventory' });
  const actions = new ExecutionActions(page);
  await actions.open(name);
  await new ExecutionPage(page).expectStatus('UpdateInventory', 'RUNNING');
  await expect(actions.status()).toHaveAttribute('data-status', 'RUNNING');
  await expect(actions.button('redrive')).toHaveCount(0);

  await actions.stop();
  await expect(actions.status()).toHaveAttribute('data-status', 'ABORTED');
  await new ExecutionPage(page).expectOutcome('ABORTED');
  await expect(page.getByTestId('execution-error')).toContainText('Dashboard.Stopped');
  await expect(actions.button('stop')).toHaveCount(0);
  await expect(actions.button('redrive')).toBeVisible();
  await expect(actions.error()).toHaveCount(0);
});

test('a stopped execution, redriven, runs on from where it stopped while the page watches', async ({ page }) => {
  // Stopped while ProcessPayment is held, after the steps before it succeeded.
  const name = await startSaga({ holdStep: 'ProcessPayment' });
  const actions = new ExecutionActions(page);
  const execution = new ExecutionPage(page);
  await actions.open(name);
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  await execution.expectStatus('ProcessPayment', 'RUNNING');
  await actions.stop();
  await expect(actions.status()).toHaveAttribute('data-status', 'ABORTED');
  const stoppedAt = await graphStatuses(page);
  expect(Object.entries(stoppedAt).filter(([, status]) => status === 'ABORTED')).toEqual([['ProcessPayment', 'ABORTED']]);
  // Before the click, the page says which state runs again.
  await expect(page.getByTestId('redrive-plan')).toHaveAttribute('data-resumes-at', 'ProcessPayment');

  await actions.redrive();
  await expect(page.getByTestId('redrive-count')).toHaveAttribute('data-count', '1');
  // The rerun of the cut state is held again, and seen running, until the test lets it go.
  await execution.expectStatus('ProcessPayment', 'RUNNING');
  await execution.expectStatus('UpdateInventory', 'SUCCEEDED');
  await releaseHold(name, 'ProcessPayment');
  // AWS semantics: the states that succeeded are kept, the one that was cut runs again,
  // and it reads as its latest run: every forward state SUCCEEDED, nothing left ABORTED.
  await execution.expectOutcome('COMPLETED');
  await expect(actions.status()).toHaveAttribute('data-status', 'SUCCEEDED');
  for (const state of ['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify', 'OrderConfirmed']) {
    await execution.expectStatus(state, 'SUCCEEDED');
  }
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('a rolled-back saga offers no Redrive: it ended in its Fail state, and a redrive would change nothing', async ({ page }) => {
  const name = await startSaga({ failProcessPayment: true });
  const actions = new ExecutionActions(page);
  await actions.open(name);
  await new ExecutionPage(page).expectOutcome('COMPENSATED');
  await expect(actions.status()).toHaveAttribute('data-status', 'FAILED');
  await expect(actions.button('redrive')).toHaveCount(0);
  await expect(page.getByTestId('redrive-unavailable')).toContainText('Fail state SagaRolledBack');
});

test('Run again starts the same scenario as a new order and opens it', async ({ page }) => {
  const name = await startSaga({ failProcessPayment: true });
  const actions = new ExecutionActions(page);
  await actions.open(name);
  await new ExecutionPage(page).expectOutcome('COMPENSATED');

  const again = await actions.runAgain();
  expect(again).not.toBe(name);
  expect(again).toMatch(/^fail-payment--ord-[0-9a-f]{10}$/);
  await expect(page.getByTestId('execution-name')).toHaveText(again);
  await new ExecutionPage(page).expectOutcome('COMPENSATED');
  await expect(actions.button('rerun')).toHaveText('Run again');
});

test('Export JSON, opened on the import page, shows the same statuses', async ({ page }, info) => {
  const name = await startSaga({ failProcessPayment: true });
  const actions = new ExecutionActions(page);
  await actions.open(name);
  await new ExecutionPage(page).expectOutcome('COMPENSATED');
  const live = await graphStatuses(page);
  expect(live).toEqual(EXPECTED['fail-payment']?.states);

  const download = await actions.export('json');
  expect(download.suggestedFilename()).toBe(`${name}.json`);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { definition: { StartAt: string }; events: unknown[] };
  expect(saved.definition.StartAt).toBe('CreateOrder');
  expect(saved.events.length).toBeGreaterThan(10);

  const imported = new ImportPage(page);
  await imported.open(file);
  await expect(page.getByTestId('execution-name')).toHaveText(name);
  expect(await graphStatuses(page)).toEqual(live);
  await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByTestId('saga-outcome')).toHaveAttribute('data-outcome', 'COMPENSATED');
  // A file has nothing to act on: the import page shows no actions.
  await expect(page.getByTestId('execution-actions')).toHaveCount(0);
});

test('the graph exports as SVG and as PNG, the whole machine in each', async ({ page }, info) => {
  const name = await startSaga({});
  const actions = new ExecutionActions(page);
  await actions.open(name);
  await new ExecutionPage(page).expectOutcome('COMPLETED');

  const svg = await actions.export('svg');
  expect(svg.suggestedFilename()).toBe(`${name}.svg`);
  const svgPath = info.outputPath(svg.suggestedFilename());
  await svg.saveAs(svgPath);
  const svgText = readFileSync(svgPath, 'utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  // A drawing a slide tool can use: small, and shapes and text rather than HTML in foreignObject.
  expect(Buffer.byteLength(svgText)).toBeLessThan(200 * 1024);
  // Parsed by the browser's own XML parser, as a slide tool would.
  const drawn = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const attr = (selector: string, name: string) => [...doc.querySelectorAll(selector)].map((e) => e.getAttribute(name) ?? '');
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? '',
      root: doc.documentElement.localName,
      foreign: doc.getElementsByTagName('foreignObject').length,
      states: attr('g[data-state]', 'data-state'),
      statuses: Object.fromEntries([...doc.querySelectorAll('g[data-state]')].map((g) => [g.getAttribute('data-state'), g.getAttribute('data-status')])),
      edges: attr('g[data-edge]', 'data-edge'),
      texts: [...doc.querySelectorAll('g[data-state] text')].map((t) => t.textContent),
    };
  }, svgText);
  expect(drawn).toMatchObject({ parseError: '', root: 'svg', foreign: 0 });
  expect(drawn.states.sort()).toEqual([...SAGA_STATES].sort());
  expect(drawn.texts).toEqual(expect.arrayContaining([...SAGA_STATES]));
  expect(drawn.statuses).toEqual(await graphStatuses(page));
  // One per arrow the page draws.
  const pageEdges = await page.locator('.react-flow__edge').count();
  expect(drawn.edges).toHaveLength(pageEdges);
  expect(new Set(drawn.edges).size).toBe(pageEdges);

  const png = await actions.export('png');
  expect(png.suggestedFilename()).toBe(`${name}.png`);
  const pngPath = info.outputPath(png.suggestedFilename());
  await png.saveAs(pngPath);
  const bytes = readFileSync(pngPath);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // IHDR width and height: the graph at twice its size, not an empty or clipped canvas.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(800);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(800);
});

test('Compare with…: happy path against payment fails marks the states that differ', async ({ page }) => {
  const [happy, failed] = await Promise.all([startSaga({}), startSaga({ failProcessPayment: true })]);
  const actions = new ExecutionActions(page);
  const execution = new ExecutionPage(page);
  await actions.open(failed);
  await execution.expectOutcome('COMPENSATED');
  await actions.open(happy);
  await execution.expectOutcome('COMPLETED');

  await actions.compareWith(failed);
  const compare = new ComparePage(page);
  await compare.expectLoaded();
  const differ = SAGA_STATES.filter((s) => EXPECTED.happy!.states[s] !== EXPECTED['fail-payment']!.states[s]);
  expect(await compare.differing()).toEqual(differ);
  await expect(compare.row('CreateOrder')).toHaveAttribute('data-differs', 'false');
  await expect(compare.row('ProcessPayment').getByTestId('compare-delta')).toHaveText(/^([+−]\d|±0)/);

  // The same drawing on both sides, coloured by each run, differing states outlined.
  await expect(compare.graph('a').getByTestId('state-ProcessPayment')).toHaveAttribute('data-status', 'SUCCEEDED');
  await expect(compare.graph('b').getByTestId('state-ProcessPayment')).toHaveAttribute('data-status', 'CAUGHT');
  const outline = (side: 'a' | 'b', state: string) =>
    compare
      .graph(side)
      .locator(`.react-flow__node[data-id="${state}"]`)
      .evaluate((node) => getComputedStyle(node).outlineStyle);
  expect(await outline('a', 'ProcessPayment')).toBe('dashed');
  expect(await outline('b', 'PaymentRefund')).toBe('dashed');
  expect(await outline('a', 'CreateOrder')).toBe('none');
});

test('Compare says what is wrong with a bad or unknown name', async ({ page }) => {
  const compare = new ComparePage(page);
  await compare.goto({});
  await expect(page.getByTestId('compare-message')).toContainText('Give two execution names');

  await compare.goto({ a: 'happy--ord-1', b: 'not a name!' });
  await expect(compare.problems()).toContainText('“not a name!” (b) is not an execution name');

  await compare.goto({ a: 'happy--no-such-order', b: 'fail-payment--no-such-order' });
  await expect(compare.problems()).toHaveCount(2);
  await expect(compare.problems().first()).toContainText('No execution named “happy--no-such-order”');
  await expect(page.getByTestId('compare-table')).toHaveCount(0);
});
