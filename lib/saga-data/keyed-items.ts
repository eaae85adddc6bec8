/**
 * The item calls the saga's repositories share, on a table keyed by PARTITION_KEY: a
 * consistent read, a put that only creates, and a conditional update that reports a failed
 * condition as an answer (undefined) rather than an error. Each is one DynamoDB call
 * through dynamoCall, so transient failures still become TransientError.
 */
import { GetCommand, PutCommand, UpdateCommand, type UpdateCommandInput, type UpdateCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from './clients';
import { dynamoCall, isConditionFailure } from './dynamo-errors';
import { PARTITION_KEY } from './tables';

/** What a conditional update sets and when; the key, table and ReturnValues are filled in. */
export type ConditionalUpdate = Pick<
  UpdateCommandInput,
  'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
>;

/** A stored item without its table key: the record the repository wrote. */
export function withoutKey(item: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!item) return undefined;
  const { [PARTITION_KEY]: _key, ...record } = item;
  return record;
}

export function keyedItems({ doc }: SagaClients, table: string) {
  return {
    /** The item with this key, read consistently (a replay must see the write it repeats). */
    async get(key: string): Promise<Record<string, unknown> | undefined> {
      const out = await dynamoCall(() =>
        doc.send(new GetCommand({ TableName: table, Key: { [PARTITION_KEY]: key }, ConsistentRead: true })),
      );
      return out.Item;
    },

    /** Writes the item unless one with this key exists; whether it was written. */
    async putIfAbsent(key: string, item: object): Promise<boolean> {
      try {
        await dynamoCall(() =>
          doc.send(
            new PutCommand({
              TableName: table,
              Item: { [PARTITION_KEY]: key, ...item },
              ConditionExpression: `attribute_not_exists(${PARTITION_KEY})`,
            }),
          ),
        );
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return false;
      }
    },

    /** Applies the update if its condition holds, returning the item as it is now (ALL_NEW); undefined if it did not hold. */
    async updateIf(key: string, update: ConditionalUpdate): Promise<UpdateCommandOutput | undefined> {
      try {
        return await dynamoCall(() =>
          doc.send(new UpdateCommand({ TableName: table, Key: { [PARTITION_KEY]: key }, ...update, ReturnValues: 'ALL_NEW' })),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return undefined;
      }
    },
  };
}
