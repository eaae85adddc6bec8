/**
 * The test side of the holdStep switch: a test starts a saga with a step held, looks at
 * it mid-run for as long as it needs, then lets it go on by writing the release record
 * through the saga's own repository, against the DynamoDB the saga runs on.
 */
import type { SagaDataConfig } from '@/lib/env';
import type { SagaStep } from '@/lib/saga/steps';
import { createSagaClients } from '@/lib/saga-data/clients';
import { HOLD_TABLE, holdsRepo } from '@/lib/saga-data/holds-repo';

export type ReleaseHold = (orderId: string, step: SagaStep) => Promise<void>;

export function holdReleaser(data: Pick<SagaDataConfig, 'tables' | 'dynamoEndpoint' | 'region'>): ReleaseHold {
  const clients = createSagaClients(data);
  return (orderId, step) => holdsRepo(clients, data.tables[HOLD_TABLE[step]]).release(orderId, step);
}
