/**
 * Issue 5 in the browser: a history recorded on AWS, opened from a file with no engine
 * and no credentials, reads the way AWS means it; nested Parallel/Map states are groups.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadFixtures } from '../lib/history/testing/fixtures';

const fixtures = loadFixtures();
const fixture = (prefix: string) => fixtures.find((f) => f.file.startsWith(prefix))!;

async function open(page: Page, ...files: string[]) {
  await page.goto('/import');
  await page.getByTestId('import-file').setInputFiles(files);
}

async function expectStatuses(page: Page, states: Record<string, { status: string }>) {
  for (const [name, { status }] of Object.entries(states)) {
    await expect(page.getByTestId(`state-${name}`)).toHaveAttribute('data-status', status);
  }
}

for (const prefix of ['08_', '25_', '32_']) {
  test(`an imported AWS history (${prefix}) shows the statuses AWS recorded`, async ({ page }) => {
    const f = fixture(prefix);
    await open(page, f.path);
    await expectStatuses(page, f.expected.states);
    await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', f.expected.executionStatus);
  });
}

test('Parallel branches and a Map processor are drawn as groups holding their states', async ({ page }) => {
  for (const [prefix, group, child] of [
    ['28_', 'ParallelState', 'Branch32'],
    ['31_', 'MapState', 'HandleItem'],
  ] as const) {
    const f = fixture(prefix);
    await open(page, f.path);
    await expectStatuses(page, f.expected.states);
    const outer = (await page.getByTestId(`state-${group}`).boundingBox())!;
    const inner = (await page.getByTestId(`state-${child}`).boundingBox())!;
    expect(inner.x).toBeGreaterThanOrEqual(outer.x);
    expect(inner.y).toBeGreaterThanOrEqual(outer.y);
    expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width);
    expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height);
  }
});

test('a file that is not a history says so and opens nothing', async ({ page }, info) => {
  const bad = info.outputPath('not-a-history.json');
  writeFileSync(bad, JSON.stringify(fixture('08_').definition));
  await open(page, bad);
  await expect(page.getByTestId('import-error')).toContainText('execution history');
  await expect(page.getByTestId('saga-outcome')).toHaveCount(0);
});
