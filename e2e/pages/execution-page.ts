import { expect, type Page } from '@playwright/test';
import type { SagaOutcome, StateStatus } from '@/lib/history/types';

/** One execution's page: graph nodes, the saga outcome, the data and state panels. */
export class ExecutionPage {
  constructor(readonly page: Page) {}

  get name(): string {
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').at(-1) ?? '');
  }

  node(state: string) {
    return this.page.getByTestId(`state-${state}`);
  }

  outcome() {
    return this.page.getByTestId('saga-outcome');
  }

  async expectOutcome(outcome: SagaOutcome, timeout = 45_000): Promise<void> {
    await expect(this.outcome()).toHaveAttribute('data-outcome', outcome, { timeout });
    await expect(this.outcome()).toHaveText(outcome);
  }

  async expectStatus(state: string, status: StateStatus, timeout?: number): Promise<void> {
    await expect(this.node(state)).toHaveAttribute('data-status', status, { timeout });
  }

  async expectStatuses(statuses: Record<string, StateStatus>): Promise<void> {
    // Every node of the graph must be listed: a state nobody expected is a failure too.
    const drawn = await this.page.locator('[data-testid^="state-"][data-status]').evaluateAll((nodes) =>
      nodes.map((n) => n.getAttribute('data-testid')?.slice('state-'.length)),
    );
    expect(drawn.sort()).toEqual(Object.keys(statuses).sort());
    for (const [state, status] of Object.entries(statuses)) await this.expectStatus(state, status);
  }

  data(field: 'order-status' | 'stock-before' | 'stock-after' | 'payment-status') {
    return this.page.getByTestId(`data-${field}`);
  }

  async dataValue(field: 'order-status' | 'stock-before' | 'stock-after' | 'payment-status'): Promise<string> {
    return (await this.data(field).getAttribute(`data-${field}`)) ?? '';
  }

  async openState(state: string): Promise<void> {
    await this.node(state).click();
    await expect(this.page.getByRole('heading', { name: state })).toBeVisible();
  }
}
