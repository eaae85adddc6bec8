import { type Download, expect, type Locator, type Page } from '@playwright/test';

/** The execution header's action bar: stop, redrive, run again, export, compare with. */
export class ExecutionActions {
  constructor(readonly page: Page) {}

  async open(name: string): Promise<void> {
    await this.page.goto(`/executions/${encodeURIComponent(name)}`);
    await expect(this.page.getByTestId('execution-actions')).toBeVisible();
  }

  button(action: 'stop' | 'redrive' | 'rerun'): Locator {
    return this.page.getByTestId(`action-${action}`);
  }

  error(): Locator {
    return this.page.getByTestId('action-error');
  }

  status(): Locator {
    return this.page.getByTestId('execution-status');
  }

  async eventCount(): Promise<number> {
    return Number(await this.page.getByTestId('event-count').textContent());
  }

  /** Stop asks first; nothing is stopped until the second click. */
  async stop(): Promise<void> {
    await this.button('stop').click();
    await expect(this.page.getByTestId('stop-confirm')).toBeVisible();
    await this.page.getByTestId('action-stop-confirm').click();
  }

  async redrive(): Promise<void> {
    await this.button('redrive').click();
  }

  /** Clicks Run again and waits for the new execution's page; returns its name. */
  async runAgain(): Promise<string> {
    const before = new URL(this.page.url()).pathname;
    await this.button('rerun').click();
    await this.page.waitForURL((url) => url.pathname.startsWith('/executions/') && url.pathname !== before);
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').at(-1) ?? '');
  }

  async export(format: 'json' | 'svg' | 'png'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`export-${format}`).click();
    return download;
  }

  async compareWith(name: string): Promise<void> {
    await this.page.getByTestId('compare-with').fill(name);
    await this.page.getByTestId('compare-submit').click();
    await this.page.waitForURL(/\/compare\?/);
  }
}

/** Every drawn state's status under `scope`, keyed by state name. */
export async function graphStatuses(scope: Page | Locator): Promise<Record<string, string>> {
  const pairs = await scope.locator('[data-testid^="state-"][data-status]').evaluateAll((nodes) =>
    nodes.map((n): [string, string] => [n.getAttribute('data-testid')?.slice('state-'.length) ?? '', n.getAttribute('data-status') ?? '']),
  );
  return Object.fromEntries(pairs);
}
