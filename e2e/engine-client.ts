/** An SDK client for a test engine: the shared one of playwright.config.ts unless told otherwise. */
import type { SFNClient, SFNClientConfig } from '@aws-sdk/client-sfn';
import { localSfnClient } from '@/backend/engine/local-client';
import { E2E } from '../playwright.config';

export const engineClient = (endpoint = `http://127.0.0.1:${E2E.engine}`, options: SFNClientConfig = {}): SFNClient =>
  localSfnClient(endpoint, options);
