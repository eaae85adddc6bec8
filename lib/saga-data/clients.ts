/**
 * The one DynamoDB client the saga's code uses. Locally the endpoint is the embedded
 * dynalite (any static credentials will do); on AWS it is unset and the SDK's defaults
 * (region, Lambda role credentials) apply. That endpoint is the only difference.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SagaDataConfig } from '@/lib/env';

export type SagaClients = { doc: DynamoDBDocumentClient };

export function createSagaClients(config: Pick<SagaDataConfig, 'dynamoEndpoint' | 'region'>): SagaClients {
  const local = config.dynamoEndpoint
    ? { endpoint: config.dynamoEndpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }
    : {};
  const raw = new DynamoDBClient({ region: config.region, ...local });
  return { doc: DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }) };
}
