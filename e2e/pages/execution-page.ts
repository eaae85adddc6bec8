import { expect, type Page } from '@playwright/test';
import type { SagaOutcome, StateStatus } from '@/lib/history/types';

type DataField = 'order-status' | 'stock-before' | 'stock-after' | 'payment-status';

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

  data(field: DataField) {
    return this.page.getByTestId(`data-${field}`);
  }

  async dataValue(field: DataField): Promise<string> {
    return (await this.data(field).getAttribute(`data-${field}`)) ?? '';
  }

  /**
   * Starts noting every value an element's attribute takes, in order, so a test can check
   * the order in which values appeared without racing the saga to catch each one on screen.
   */
  async recordAttribute(testId: string, attribute: string): Promise<void> {
    await this.page.evaluate(
      ({ testId, attribute }) => {
        const seen: string[] = [];
        const note = () => {
          const value = document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(attribute);
          if (value && value !== seen.at(-1)) seen.push(value);
        };
        note();
        new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
        Object.assign(window, { [`__seen_${testId}_${attribute}`]: seen });
      },
      { testId, attribute },
    );
  }

  async recordedAttribute(testId: string, attribute: string): Promise<string[]> {
    return this.page.evaluate(
      (key) => (window as unknown as Record<string, string[]>)[key] ?? [],
      `__seen_${testId}_${attribute}`,
    );
  }

  recordData = (field: DataField) => this.recordAttribute(`data-${field}`, `data-${field}`);

  recordedData = (field: DataField) => this.recordedAttribute(`data-${field}`, `data-${field}`);

  async openState(state: string): Promise<void> {
    await this.node(state).click();
    await expect(this.page.getByRole('heading', { name: state })).toBeVisible();
  }
}
