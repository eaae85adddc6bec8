import { expect, type Page } from '@playwright/test';

/** /import: open a saved execution from a file. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async open(...files: string[]): Promise<void> {
    await this.page.goto('/import');
    await this.page.getByTestId('import-file').setInputFiles(files);
    await expect(this.page.getByTestId('saga-outcome')).toBeVisible();
  }
}
