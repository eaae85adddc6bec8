/**
 * An SDK client for a local engine, as tests, benches and scripts use one: the engine checks
 * no signatures, so any static credentials do, and the region only has to match its ARNs.
 */
import { SFNClient, type SFNClientConfig } from '@aws-sdk/client-sfn';

export const localSfnClient = (endpoint: string, options: SFNClientConfig = {}): SFNClient =>
  new SFNClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, ...options });
