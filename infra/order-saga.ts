/**
 * Everything the order saga needs on AWS: its tables (seeded), one Lambda per handler,
 * the state machine built from the SAME ASL file the local engine runs, a managed policy
 * for whoever runs the dashboard, and the alerting that reaches a person (alerting.ts).
 * Least privilege throughout: the state machine may invoke only these Lambdas, each Lambda
 * may touch only the tables SAGA_FUNCTIONS lists and write only its own log group.
 * Every cdk-nag finding that remains is acknowledged where it arises, with its reason
 * (nag.ts); infra/nag.test.ts fails on any other.
 */
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { SAGA_DEFINITION_TEMPLATE, SAGA_STATE_MACHINE_NAME } from '../backend/saga/definition';
import { SAGA_FUNCTIONS, type SagaFunctionKey } from '../backend/saga/functions';
import { PARTITION_KEY, SAGA_TABLE_KEYS, type SagaTableKey } from '@/lib/saga-data/tables';
import { createAlerting } from './alerting';
import { acknowledge, SERVICE_WIDE } from './nag';
import { lambdaEntry, REPO_ROOT } from './paths';
import { seedStock } from './seed-stock';

export type OrderSagaProps = {
  /** tables and log groups; DESTROY suits a demo that `npm run destroy` cleans up */
  removalPolicy?: RemovalPolicy;
  /** execution logging; ALL with execution data by default, so demos show every step */
  logLevel?: sfn.LogLevel;
  includeExecutionData?: boolean;
  /** who is told when a rollback stops at a compensation (an email subscription to the alert topic) */
  alertEmail?: string;
  /** the dashboard's base URL, so an alert links straight to the execution's page */
  dashboardUrl?: string;
};

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

/**
 * A Lambda's own role: no AWSLambdaBasicExecutionRole (log writes on `*`), only writes to
 * the function's own log group; X-Ray's writes, which have no resource, are acknowledged.
 */
function functionRole(scope: Construct, id: string, logGroup: logs.LogGroup): iam.Role {
  const role = new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  acknowledge(role, 'AwsSolutions-IAM5[Resource::*]', SERVICE_WIDE.xray);
  return role;
}

export class OrderSaga extends Construct {
  readonly tables: Record<SagaTableKey, dynamodb.Table>;
  readonly functions: Record<SagaFunctionKey, NodejsFunction>;
  /** each function's own log group: where the dashboard reads a step's log lines on AWS */
  readonly functionLogGroups: Record<SagaFunctionKey, logs.LogGroup>;
  readonly stateMachine: sfn.StateMachine;
  readonly logGroup: logs.LogGroup;
  readonly dashboardPolicy: iam.ManagedPolicy;
  /** where "a rollback needs a person" and every alarm go */
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
    seedStock(this, 'seed', this.tables.inventory, removalPolicy);

    const tableEnv = Object.fromEntries(SAGA_TABLE_KEYS.map((key) => [TABLE_ENV[key], this.tables[key].tableName]));
    const functionLogGroups: Partial<Record<SagaFunctionKey, logs.LogGroup>> = {};
    this.functions = Object.fromEntries(
      SAGA_FUNCTIONS.map((spec) => {
        // No fixed name: a group retained by an earlier stack (removalPolicy=retain) never blocks a new one.
        const logGroup = new logs.LogGroup(this, `${spec.key}-logs`, { retention: logs.RetentionDays.ONE_MONTH, removalPolicy });
        functionLogGroups[spec.key] = logGroup;
        const fn = new NodejsFunction(this, spec.key, {
          entry: lambdaEntry(spec.entry),
          handler: 'handler',
          runtime: lambda.Runtime.NODEJS_24_X,
          architecture: lambda.Architecture.ARM_64,
          memorySize: 256,
          // latencyMs may hold a step for up to 10 s, holdStep up to 25 s; leave room for the work itself.
          timeout: Duration.seconds(30),
          tracing: lambda.Tracing.ACTIVE,
          role: functionRole(this, `${spec.key}-role`, logGroup),
          environment: { ...tableEnv, NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: 'order-saga' },
          logGroup,
          // Text format: Powertools writes each line as JSON to stdout itself, and it reaches the group unwrapped.
          projectRoot: REPO_ROOT,
          depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
          bundling: { minify: true, sourceMap: true, tsconfig: `${REPO_ROOT}/tsconfig.json` },
        });
        acknowledge(
          fn,
          'Serverless-LambdaDLQ',
          'Step Functions invokes this function synchronously and owns its retries and failures (Retry/Catch, Redrive); a DLQ only serves asynchronous invocations.',
        );
        for (const key of spec.tables) this.tables[key].grant(fn, ...HANDLER_TABLE_ACTIONS);
        return [spec.key, fn];
      }),
    ) as Record<SagaFunctionKey, NodejsFunction>;
    this.functionLogGroups = functionLogGroups as Record<SagaFunctionKey, logs.LogGroup>;

    this.stateMachineName = `${Stack.of(this).stackName}-${SAGA_STATE_MACHINE_NAME}`;
    // The /aws/vendedlogs/ prefix keeps CloudWatch Logs' resource policy small. No fixed name
    // (CloudFormation adds a unique suffix), so a retained group never blocks the next deploy.
    this.logGroup = new logs.LogGroup(this, 'state-machine-logs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy });
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
    // The definition is a file, so CDK cannot see which functions it calls: allow exactly
    // those, unqualified as the definition names them (grantInvoke would add `<arn>:*` too).
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: Object.values(this.functions).map((fn) => fn.functionArn) }),
    );
    acknowledge(this.stateMachine, 'AwsSolutions-IAM5[Resource::*]', `${SERVICE_WIDE.xray} ${SERVICE_WIDE.logDelivery}`);

    this.dashboardPolicy = this.createDashboardPolicy();
    this.alerts = createAlerting(this, 'alerting', {
      stateMachine: this.stateMachine,
      functions: Object.values(this.functions),
      email: props.alertEmail,
      dashboardUrl: props.dashboardUrl,
    });
  }

  /**
   * Start/stop/redrive this saga only, read its executions, read (never write) its tables,
   * and read its functions' log lines (a step's logs in the state panel).
   */
  private createDashboardPolicy(): iam.ManagedPolicy {
    const executions = Stack.of(this).formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.stateMachineName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const policy = new iam.ManagedPolicy(this, 'dashboard-policy', {
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
          sid: 'ListStateMachines',
          actions: ['states:ListStateMachines'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'ReadSagaData',
          actions: DASHBOARD_TABLE_ACTIONS,
          resources: Object.values(this.tables).map((t) => t.tableArn),
        }),
        new iam.PolicyStatement({
          sid: 'ReadStepLogs',
          actions: ['logs:FilterLogEvents'],
          resources: Object.values(this.functionLogGroups).map((g) => g.logGroupArn),
        }),
      ],
    });
    acknowledge(policy, 'AwsSolutions-IAM5[Resource::*]', SERVICE_WIDE.listStateMachines);
    acknowledge(
      policy,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${this.stateMachineName}:*]`,
      'Executions are named when they start; the wildcard covers only the executions of this one state machine.',
    );
    return policy;
  }
}
