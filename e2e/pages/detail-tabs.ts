import { expect, type Page } from '@playwright/test';

type Tab = 'graph' | 'timeline' | 'events' | 'io';
type EventFilter = 'all' | 'failures' | 'compensation';
type DataStep = 'input' | 'parameters' | 'result' | 'result-path' | 'output';

/** The tabs beside the graph: timeline, event table, input & output, and the state panel's data path. */
export class DetailTabs {
  constructor(readonly page: Page) {}

  tab(tab: Tab) {
    return this.page.getByTestId(`tab-${tab}`);
  }

  panel(tab: Tab) {
    return this.page.getByTestId(`panel-${tab}`);
  }

  async open(tab: Tab): Promise<void> {
    await this.tab(tab).click();
    await expect(this.tab(tab)).toHaveAttribute('aria-selected', 'true');
    await expect(this.panel(tab)).toBeVisible();
  }

  /** Every timeline bar of a state (one per visit). */
  bars(state: string) {
    return this.panel('timeline').locator(`[data-testid="timeline-bar"][data-state="${state}"]`);
  }

  /** The roles the timeline draws for each state, as "state:role" (one entry per visit). */
  async barRoles(): Promise<string[]> {
    return this.panel('timeline')
      .getByTestId('timeline-bar')
      .evaluateAll((bars) => bars.map((b) => `${b.getAttribute('data-state')}:${b.getAttribute('data-role')}`));
  }

  async filterEvents(filter: EventFilter): Promise<void> {
    const button = this.page.getByTestId(`event-filter-${filter}`);
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  eventRows() {
    return this.panel('events').getByTestId('event-row');
  }

  async eventTypes(): Promise<string[]> {
    return this.eventRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type') ?? ''));
  }

  eventCount() {
    return this.page.getByTestId('event-table-count');
  }

  dataStep(step: DataStep) {
    return this.page.getByTestId(`data-path-${step}`);
  }

  dataStepExpression(step: DataStep) {
    return this.page.getByTestId(`data-path-${step}-expression`);
  }
}
