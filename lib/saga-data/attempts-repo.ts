/**
 * Durable attempt counters for the flaky-step switch, keyed by order and step. Durable (not
 * in memory) because on AWS every retry may land on a fresh Lambda instance.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from './clients';
import { dynamoCall } from './dynamo-errors';
import { PARTITION_KEY } from './tables';

export type AttemptsRepo = { next(orderId: string, step: string): Promise<number> };

export function attemptsRepo({ doc }: SagaClients, table: string): AttemptsRepo {
  return {
    /** Counts this attempt and returns its number (1 for the first). */
    async next(orderId, step) {
      const out = await dynamoCall(() =>
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { [PARTITION_KEY]: `attempt#${orderId}#${step}` },
            UpdateExpression: 'ADD attempts :one',
            ExpressionAttributeValues: { ':one': 1 },
            ReturnValues: 'UPDATED_NEW',
          }),
        ),
      );
      return Number(out.Attributes?.attempts ?? 1);
    },
  };
}
