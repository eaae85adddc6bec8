import { expect, test } from '@playwright/test';
import { loadFixtures } from '@/lib/history/fixtures';
import { StartPage } from './pages/start-page';

/** README images, light and dark. Run with `npm run screenshots`, not part of `npm test`. */
for (const scheme of ['light', 'dark'] as const) {
  test.describe(scheme, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1600, height: 1100 } });
    const suffix = scheme === 'light' ? '' : '-dark';

    test('start page', async ({ page }) => {
      const start = new StartPage(page);
      await start.goto();
      await start.choosePreset('fail-payment');
      await expect(page.locator('.react-flow__edge').first()).toBeAttached();
      await page.screenshot({ path: `docs/screenshots/start-page${suffix}.png` });
    });

    test('compensated execution', async ({ page }) => {
      const start = new StartPage(page);
      await start.goto();
      await start.choosePreset('fail-payment');
      const execution = await start.start();
      await execution.expectOutcome('COMPENSATED');
      await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', 'REFUNDED');
      await execution.openState('ProcessPayment');
      await page.evaluate(() => window.scrollTo(0, 0));
      // Pointer and focus rings are for people, not for the README.
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/compensated-execution${suffix}.png` });
    });

    test('imported AWS history', async ({ page }) => {
      const recorded = loadFixtures().find((f) => f.file.startsWith('30_'))!;
      await page.goto('/import');
      await page.getByTestId('import-file').setInputFiles(recorded.path);
      await expect(page.getByTestId('saga-outcome')).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/imported-history${suffix}.png` });
    });
  });
}
