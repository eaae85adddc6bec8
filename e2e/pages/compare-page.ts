import { expect, type Locator, type Page } from '@playwright/test';

/** /compare: two executions, their graphs and the state-by-state table. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async goto(query: Record<string, string>): Promise<void> {
    await this.page.goto(`/compare?${new URLSearchParams(query)}`);
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page.getByTestId('compare-table')).toBeVisible();
  }

  graph(side: 'a' | 'b'): Locator {
    return this.page.getByTestId(`compare-${side}`);
  }

  row(state: string): Locator {
    return this.page.locator(`[data-testid="compare-row"][data-state="${state}"]`);
  }

  /** State names whose row is marked as differing, in table order. */
  async differing(): Promise<string[]> {
    return this.page
      .locator('[data-testid="compare-row"][data-differs="true"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state') ?? ''));
  }

  /** Problems another name fixes: not a name, no such execution. */
  problems(): Locator {
    return this.page.getByTestId('compare-problem');
  }
}
