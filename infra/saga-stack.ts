/**
 * The deployable unit: the OrderSaga construct plus the outputs the dashboard reads.
 *
 * `npm run deploy` writes them to infra/outputs.json (override the path the dashboard
 * reads with SAGA_OUTPUTS_FILE) in CDK's format, keyed by stack name:
 *   { "OrderSagaStack": { "StateMachineArn": "arn:aws:states:…", "Region": "eu-west-1",
 *     "OrdersTableName": "…", "InventoryTableName": "…", "PaymentsTableName": "…",
 *     "NotificationsTableName": "…", "DashboardPolicyArn": "arn:aws:iam::…",
 *     "StateMachineLogGroupName": "/aws/vendedlogs/states/…", "AlertTopicArn": "arn:aws:sns:…",
 *     "StepLogGroups": "[{\"functionName\":\"OrderSagaStack-…\",\"logGroupName\":\"OrderSagaStack-…\"}, …]" } }
 * StepLogGroups (JSON, one entry per saga function) is where the dashboard reads a step's log lines.
 * Output ids are declared on the stack (not the construct) so the keys stay exactly these.
 */
import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { SAGA_FUNCTIONS } from '../backend/saga/functions';
import { OrderSaga, type OrderSagaProps } from './order-saga';

export const SAGA_STACK_NAME = 'OrderSagaStack';

export class SagaStack extends Stack {
  readonly saga: OrderSaga;

  constructor(scope: Construct, id: string, props: StackProps & { saga?: OrderSagaProps } = {}) {
    super(scope, id, props);
    this.saga = new OrderSaga(this, 'OrderSaga', props.saga);
    const { saga } = this;
    const outputs: Record<string, string> = {
      StateMachineArn: saga.stateMachine.stateMachineArn,
      Region: Aws.REGION,
      OrdersTableName: saga.tables.orders.tableName,
      InventoryTableName: saga.tables.inventory.tableName,
      PaymentsTableName: saga.tables.payments.tableName,
      NotificationsTableName: saga.tables.notifications.tableName,
      DashboardPolicyArn: saga.dashboardPolicy.managedPolicyArn,
      StateMachineLogGroupName: saga.logGroup.logGroupName,
      AlertTopicArn: saga.alerts.topicArn,
      StepLogGroups: this.toJsonString(
        SAGA_FUNCTIONS.map((spec) => ({ functionName: saga.functions[spec.key].functionName, logGroupName: saga.functionLogGroups[spec.key].logGroupName })),
      ),
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(this, key, { value });
  }
}
