import { expect, test } from '@playwright/test';
import { parseSagaInput } from '@/lib/saga/input';
import { SAGA_PRESETS, scenarioCode } from '@/lib/saga/scenarios';
import { EXPECTED } from './expected';
import { StartPage } from './pages/start-page';

test('every preset has an expectation', () => {
  expect(SAGA_PRESETS.map((p) => p.id).filter((id) => !EXPECTED[id])).toEqual([]);
});

for (const preset of SAGA_PRESETS) {
  test(`preset "${preset.label}" runs to ${EXPECTED[preset.id]?.outcome ?? '?'} with matching graph and data`, async ({ page }) => {
    const expected = EXPECTED[preset.id];
    test.skip(!expected, 'no expectation for this preset');
    if (!expected) return;
    const start = new StartPage(page);
    await start.goto();
    await start.choosePreset(preset.id);
    const execution = await start.start();
    // The name carries the scenario, so lists can filter on it without reading inputs.
    const parsed = parseSagaInput(preset.input);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(execution.name).toMatch(new RegExp(`^${scenarioCode(parsed.value)}--`));

    await execution.expectOutcome(expected.outcome);
    await expect(page.getByTestId('execution-status')).toHaveAttribute('data-status', expected.executionStatus);
    await execution.expectStatuses(expected.states);
    for (const [state, tries] of Object.entries(expected.attempts ?? {})) {
      await expect(page.getByTestId(`attempts-${state}`)).toHaveText(`×${tries}`);
    }

    await expect(execution.data('order-status')).toHaveAttribute('data-order-status', expected.order);
    await expect(execution.data('payment-status')).toHaveAttribute('data-payment-status', expected.payment);
    const before = await execution.dataValue('stock-before');
    const after = await execution.dataValue('stock-after');
    if (expected.stock === 'untouched') {
      expect([before, after]).toEqual(['—', '—']);
    } else {
      const quantity = expected.stock === 'taken' ? 1 : 0;
      expect(Number(before) - Number(after)).toBe(quantity);
    }
  });
}
