/**
 * Everything the order saga needs on AWS: its tables (seeded), one Lambda per handler,
 * the state machine built from the SAME ASL file the local engine runs, and a managed
 * policy for whoever runs the dashboard. Least privilege throughout: the state machine may
 * invoke only these Lambdas, each Lambda may touch only the tables SAGA_FUNCTIONS lists.
 */
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { SAGA_DEFINITION_TEMPLATE, SAGA_STATE_MACHINE_NAME } from '../backend/saga/definition';
import { SAGA_FUNCTIONS, type SagaFunctionKey } from '../backend/saga/functions';
import { PARTITION_KEY, SAGA_TABLE_KEYS, type SagaTableKey } from '@/lib/saga-data/tables';
import { lambdaEntry, REPO_ROOT } from './paths';
import { seedStock } from './seed-stock';

export type OrderSagaProps = {
  /** tables and log group; DESTROY suits a demo that `npm run destroy` cleans up */
  removalPolicy?: RemovalPolicy;
  /** execution logging; ALL with execution data by default, so demos show every step */
  logLevel?: sfn.LogLevel;
  includeExecutionData?: boolean;
  /** who is told when a rollback stops at a compensation (an email subscription to the alert topic) */
  alertEmail?: string;
};

/** The one Fail state a rollback that finished ends in; any other failure left work for a person. */
const CLEAN_ROLLBACK_ERROR = 'SagaRolledBack';

/** The environment variable lib/env.ts reads each table name from. */
const TABLE_ENV: Record<SagaTableKey, string> = {
  orders: 'ORDERS_TABLE',
  inventory: 'INVENTORY_TABLE',
  payments: 'PAYMENTS_TABLE',
  notifications: 'NOTIFICATIONS_TABLE',
};

/** What the repositories call: conditional Put/Update and Get (after a failed condition). */
const HANDLER_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
/** What the dashboard's data panel calls (read-order.ts, the stock list), and the invariants panel's full scans (scan-tables.ts). */
const DASHBOARD_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan'];

export class OrderSaga extends Construct {
  readonly tables: Record<SagaTableKey, dynamodb.Table>;
  readonly functions: Record<SagaFunctionKey, NodejsFunction>;
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;
  readonly dashboardPolicy: iam.ManagedPolicy;
  /** where "a rollback needs a person" goes */
  readonly alerts: sns.Topic;
  /** a literal (not a token), so the dashboard policy can name this saga's execution ARNs */
  readonly stateMachineName: string;

  constructor(scope: Construct, id: string, props: OrderSagaProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;

    this.tables = Object.fromEntries(
      SAGA_TABLE_KEYS.map((key) => [
        key,
        new dynamodb.Table(this, `${key}-table`, {
          partitionKey: { name: PARTITION_KEY, type: dynamodb.AttributeType.STRING },
          billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
          removalPolicy,
        }),
      ]),
    ) as Record<SagaTableKey, dynamodb.Table>;
    seedStock(this, 'seed', this.tables.inventory);

    const tableEnv = Object.fromEntries(SAGA_TABLE_KEYS.map((key) => [TABLE_ENV[key], this.tables[key].tableName]));
    this.functions = Object.fromEntries(
      SAGA_FUNCTIONS.map((spec) => {
        const fn = new NodejsFunction(this, spec.key, {
          entry: lambdaEntry(spec.entry),
          handler: 'handler',
          runtime: lambda.Runtime.NODEJS_24_X,
          architecture: lambda.Architecture.ARM_64,
          memorySize: 256,
          // latencyMs may hold a step for up to 10 s; leave room for the work itself.
          timeout: Duration.seconds(30),
          tracing: lambda.Tracing.ACTIVE,
          environment: { ...tableEnv, NODE_OPTIONS: '--enable-source-maps' },
          logGroup: new logs.LogGroup(this, `${spec.key}-logs`, { retention: logs.RetentionDays.ONE_MONTH, removalPolicy }),
          projectRoot: REPO_ROOT,
          depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
          bundling: { minify: true, sourceMap: true, tsconfig: `${REPO_ROOT}/tsconfig.json` },
        });
        for (const key of spec.tables) this.tables[key].grant(fn, ...HANDLER_TABLE_ACTIONS);
        return [spec.key, fn];
      }),
    ) as Record<SagaFunctionKey, NodejsFunction>;

    this.stateMachineName = `${Stack.of(this).stackName}-${SAGA_STATE_MACHINE_NAME}`;
    this.logGroup = new logs.LogGroup(this, 'state-machine-logs', {
      // the /aws/vendedlogs/ prefix keeps CloudWatch's resource policy small
      logGroupName: `/aws/vendedlogs/states/${this.stateMachineName}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy,
    });
    this.stateMachine = new sfn.StateMachine(this, 'state-machine', {
      stateMachineName: this.stateMachineName,
      // fromString, not fromFile: fromFile uploads an S3 asset, and the template would no
      // longer carry the definition that tests compare with the local one.
      definitionBody: sfn.DefinitionBody.fromString(SAGA_DEFINITION_TEMPLATE),
      definitionSubstitutions: Object.fromEntries(
        SAGA_FUNCTIONS.map((spec) => [spec.placeholder, this.functions[spec.key].functionArn]),
      ),
      logs: {
        destination: this.logGroup,
        level: props.logLevel ?? sfn.LogLevel.ALL,
        includeExecutionData: props.includeExecutionData ?? true,
      },
      tracingEnabled: true,
    });
    // The definition is a file, so CDK cannot see which functions it calls: grant them here.
    for (const fn of Object.values(this.functions)) fn.grantInvoke(this.stateMachine);

    this.dashboardPolicy = this.createDashboardPolicy();
    this.alerts = this.alertOnStuckRollback(props.alertEmail);
  }

  /**
   * A compensation that still fails after its retries is not caught: the execution fails at
   * it and waits for a person to fix the cause and Redrive it. This rule tells that person:
   * every failure of the saga except its clean-rollback Fail state means work is left.
   * (The same status change drives the local engine's notifications-log entry.)
   */
  private alertOnStuckRollback(email: string | undefined): sns.Topic {
    const topic = new sns.Topic(this, 'alerts', { displayName: 'Order saga: a rollback needs a person', enforceSSL: true });
    if (email) topic.addSubscription(new subscriptions.EmailSubscription(email));
    const field = (path: string) => events.EventField.fromPath(path);
    const region = Stack.of(this).region;
    new events.Rule(this, 'rollback-stuck', {
      description: 'A saga execution failed outside its clean rollback: a compensation could not finish',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: {
          stateMachineArn: [this.stateMachine.stateMachineArn],
          status: ['FAILED', 'TIMED_OUT'],
          error: [{ 'anything-but': CLEAN_ROLLBACK_ERROR }],
        },
      },
      targets: [
        new targets.SnsTopic(topic, {
          message: events.RuleTargetInput.fromText(
            `Order saga execution ${field('$.detail.name')} stopped in its rollback (${field('$.detail.status')}: ${field('$.detail.error')}). ` +
              `A person must finish it: fix the cause, then Redrive the execution (the dashboard's "Finish the rollback"). ` +
              `Console: https://console.aws.amazon.com/states/home?region=${region}#/v2/executions/details/${field('$.detail.executionArn')}`,
          ),
        }),
      ],
    });
    return topic;
  }

  /** Start/stop/redrive this saga only, read its executions, read (never write) its tables. */
  private createDashboardPolicy(): iam.ManagedPolicy {
    const executions = Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.stateMachineName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    return new iam.ManagedPolicy(this, 'dashboard-policy', {
      description: 'Run and watch the order saga from the dashboard',
      statements: [
        new iam.PolicyStatement({
          sid: 'StartSaga',
          actions: ['states:StartExecution', 'states:DescribeStateMachine', 'states:ListExecutions'],
          resources: [this.stateMachine.stateMachineArn],
        }),
        new iam.PolicyStatement({
          sid: 'ControlAndReadSagaExecutions',
          actions: [
            'states:StopExecution',
            'states:RedriveExecution',
            'states:DescribeExecution',
            'states:GetExecutionHistory',
            'states:DescribeStateMachineForExecution',
          ],
          resources: [executions],
        }),
        new iam.PolicyStatement({
          // ListStateMachines has no resource-level permissions.
          sid: 'ListStateMachines',
          actions: ['states:ListStateMachines'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'ReadSagaData',
          actions: DASHBOARD_TABLE_ACTIONS,
          resources: Object.values(this.tables).map((t) => t.tableArn),
        }),
      ],
    });
  }
}
