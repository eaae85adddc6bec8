/**
 * Seeds the inventory at deploy with the same items the local bootstrap writes
 * (lib/saga-data/tables.ts). A conditional PutItem per SKU: a redeploy never resets
 * stock that orders have moved, and the custom resource may call nothing but PutItem.
 * Its helper Lambda (one, shared by the four) is held to the saga's own functions' standard:
 * its own role writing only its own log group (which expires and goes with the stack),
 * explicit memory, X-Ray.
 */
import { Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { SEED_CONDITION, SEED_STOCK, stockSeedItem } from '@/lib/saga-data/tables';
import { acknowledge, SERVICE_WIDE } from './nag';

/** CDK's id for the singleton function behind every AwsCustomResource in a stack. */
const CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';

export function seedStock(scope: Construct, id: string, table: dynamodb.ITable, removalPolicy: RemovalPolicy): Construct {
  const seeds = new Construct(scope, id);
  const logGroup = new logs.LogGroup(seeds, 'logs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy });
  const role = new iam.Role(seeds, 'role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  role.addToPolicy(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }));
  acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', SERVICE_WIDE.xray);
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
      role,
      logGroup,
      memorySize: 256,
      timeout: Duration.minutes(1),
      // The SDK in the Lambda runtime is enough; fetching the latest needs network at deploy.
      installLatestAwsSdk: false,
    });
  }
  // AwsCustomResource offers no tracing setting: set it on the provider function it creates.
  const provider = Stack.of(scope).node.tryFindChild(CUSTOM_RESOURCE_PROVIDER_ID);
  const cfn = provider?.node.defaultChild;
  if (cfn instanceof lambda.CfnFunction) cfn.tracingConfig = { mode: 'Active' };
  if (provider) {
    acknowledge(
      provider,
      'Serverless-LambdaDLQ',
      'Only CloudFormation invokes this seeding function, and it fails the deploy when no answer comes; a DLQ would hold nothing anyone reads.',
    );
  }
  return seeds;
}
