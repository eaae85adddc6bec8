/**
 * Seeds the inventory at deploy with the same items the local bootstrap writes
 * (backend/saga/data/tables.ts). A conditional PutItem per SKU: a redeploy never resets
 * stock that orders have moved, and the custom resource may call nothing but PutItem.
 */
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { SEED_CONDITION, SEED_STOCK, stockSeedItem } from '@/lib/saga-data/tables';

export function seedStock(scope: Construct, id: string, table: dynamodb.ITable): Construct {
  const seeds = new Construct(scope, id);
  for (const seed of SEED_STOCK) {
    new cr.AwsCustomResource(seeds, seed.sku, {
      onCreate: {
        service: 'DynamoDB',
        action: 'PutItem',
        parameters: { TableName: table.tableName, Item: stockSeedItem(seed), ConditionExpression: SEED_CONDITION },
        physicalResourceId: cr.PhysicalResourceId.of(`seed-${seed.sku}`),
        // Already there (e.g. a table retained from an earlier deploy): keep its stock.
        ignoreErrorCodesMatching: 'ConditionalCheckFailedException',
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [table.tableArn] }),
      // The SDK in the Lambda runtime is enough; fetching the latest needs network at deploy.
      installLatestAwsSdk: false,
    });
  }
  return seeds;
}
