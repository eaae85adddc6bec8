import { expect, type Page } from '@playwright/test';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import type { SagaOutcome } from '@/lib/history/types';

/** Every filter the form has; a field left out is set to "Any" (empty). */
export type ListFilterInput = {
  q?: string;
  status?: ExecutionStatus;
  outcome?: SagaOutcome;
  scenario?: string;
  /** UTC, as the form takes it: 2025-05-01T14:30 */
  from?: string;
  to?: string;
};

/** The executions list: its filter form, rows (by data-name and data-* attributes) and pager. */
export class ExecutionsPage {
  constructor(readonly page: Page) {}

  async goto(query = '', baseURL?: string): Promise<void> {
    const path = `/executions${query ? `?${query}` : ''}`;
    await this.page.goto(baseURL ? new URL(path, baseURL).href : path);
    await expect(this.page.getByRole('heading', { name: 'Executions', level: 1 })).toBeVisible();
  }

  rows() {
    return this.page.getByTestId('execution-row');
  }

  row(name: string) {
    return this.page.locator(`[data-testid="execution-row"][data-name="${name}"]`);
  }

  async rowNames(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''));
  }

  /** Waits until the list shows exactly these rows, in this order. */
  async expectRows(names: string[], timeout?: number): Promise<void> {
    await expect.poll(() => this.rowNames(), { timeout }).toEqual(names);
  }

  /** Fills the whole form and applies it; waits for the URL that holds the filters. */
  async applyFilters(filters: ListFilterInput): Promise<void> {
    const form = this.page.getByTestId('filters');
    await form.getByTestId('filter-q').fill(filters.q ?? '');
    await form.getByTestId('filter-status').selectOption(filters.status ?? '');
    await form.getByTestId('filter-outcome').selectOption(filters.outcome ?? '');
    await form.getByTestId('filter-scenario').selectOption(filters.scenario ?? '');
    await form.getByTestId('filter-from').fill(filters.from ?? '');
    await form.getByTestId('filter-to').fill(filters.to ?? '');
    await form.getByTestId('filter-apply').click();
    // The form sends empty fields too; an empty or absent parameter both mean "Any".
    const keys = ['q', 'status', 'outcome', 'scenario', 'from', 'to'] as const;
    await this.page.waitForURL((url) => keys.every((k) => (url.searchParams.get(k) ?? '') === (filters[k] ?? '')));
  }

  filterError() {
    return this.page.getByTestId('filter-error');
  }

  async nextPage(): Promise<void> {
    await this.page.getByTestId('page-next').click();
    await this.page.waitForURL(/[?&]page=/);
  }

  async previousPage(): Promise<void> {
    await this.page.getByTestId('page-previous').click();
  }

  summary() {
    return this.page.getByTestId('list-summary');
  }
}
