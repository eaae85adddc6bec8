import { expect, test } from '@playwright/test';
import { startSaga } from './pages/saga-runs';

test('look', async ({ browser }) => {
  test.setTimeout(240_000);
  const name = await startSaga({ failProcessPayment: true });
  for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    await page.goto(`/executions/${name}`);
    await expect(page.getByTestId('saga-outcome')).toHaveAttribute('data-outcome', 'COMPENSATED', { timeout: 30_000 });
    await page.goto(`/executions/${name}?at=20`);
    await expect(page.getByTestId('state-CreateOrder')).toBeVisible();
    await page.screenshot({ path: `/tmp/replay-look-${w}.png` });
    await page.getByTestId('audience-link').click();
    await expect(page.getByTestId('audience-qr').locator('svg')).toBeVisible();
    await page.screenshot({ path: `/tmp/replay-look-${w}-audience.png` });
    await page.getByTestId('audience-show').click();
    await expect(page.getByRole('status')).toContainText('follows');
    await page.getByTestId('tab-events').click();
    await page.screenshot({ path: `/tmp/replay-look-${w}-events.png` });
    await page.getByTestId('tab-timeline').click();
    await page.screenshot({ path: `/tmp/replay-look-${w}-timeline.png` });
    await page.close();
  }
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
  await phone.goto('/follow');
  await expect(phone.getByTestId('follow-view')).toHaveAttribute('data-execution', name);
  await phone.screenshot({ path: '/tmp/replay-look-phone.png' });
  await phone.close();
});
