/**
 * `npm run screenshots`: refreshes the README's images (docs/screenshots/) from a real run
 * on the local engine. Same servers as the e2e config, minus the dead-engine dashboard.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const [dashboard] = Array.isArray(base.webServer) ? base.webServer : [base.webServer];

export default defineConfig({
  ...base,
  testMatch: '**/screenshots.spec.ts',
  testIgnore: [],
  workers: 1,
  webServer: dashboard,
});
