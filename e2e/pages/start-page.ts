import { expect, type Page } from '@playwright/test';
import { ExecutionPage } from './execution-page';

/** The start page: presets, switches, the order form and the Start button. */
export class StartPage {
  constructor(readonly page: Page) {}

  async goto(baseURL?: string): Promise<void> {
    await this.page.goto(baseURL ? new URL('/', baseURL).href : '/');
    await expect(this.page.getByTestId('start-button')).toBeVisible();
  }

  /** Clicks until the preset reports itself active: the first click may land before hydration. */
  async choosePreset(id: string): Promise<void> {
    const preset = this.page.getByTestId(`preset-${id}`);
    await expect(async () => {
      await preset.click();
      await expect(preset).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  }

  field(name: string) {
    return this.page.getByTestId(`field-${name}`);
  }

  fieldError(name: string) {
    return this.page.getByTestId(`error-${name}`);
  }

  async start(): Promise<ExecutionPage> {
    await this.page.getByTestId('start-button').click();
    await this.page.waitForURL(/\/executions\/[^/?]+/);
    return new ExecutionPage(this.page);
  }
}
