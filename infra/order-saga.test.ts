/**
 * The synthesized stack asserts intent: least-privilege IAM, the saga's wiring, the tables,
 * logging and tracing, and that AWS runs the same graph as the local engine.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { localLambdaArn, sagaDefinition } from '@/backend/saga/definition';
import { LOCAL_SAGA_ARNS, SAGA_FUNCTIONS } from '@/backend/saga/functions';
import { SEED_STOCK, type SagaTableKey } from '@/lib/saga-data/tables';
import type { AslDefinition } from '@/lib/asl/types';
import { actionsOf, deployedDefinition, getAttTarget, resourcesOf, statementsOfRole, synthSaga, type Statement } from './synth-for-tests';

/** The names of the deployed definition's states of one type (ARNs do not matter here). */
function deployedStatesOfType(template: Template, type: string): string[] {
  const definition = deployedDefinition(template, () => 'arn:aws:lambda:us-east-1:000000000000:function:x');
  return Object.entries(definition.States).flatMap(([name, state]) => (state.Type === type ? [name] : []));
}

let template: Template;
let fnLogicalIds: Map<string, string>; // function key -> logical id
let tableLogicalIds: Record<SagaTableKey, string>;
let roleOfFunction: (key: string) => string;

beforeAll(() => {
  const synth = synthSaga();
  template = synth.template;
  const { saga } = synth.stack;
  fnLogicalIds = new Map(SAGA_FUNCTIONS.map((spec) => [spec.key, synth.logicalIdOf(saga.functions[spec.key])]));
  const idOf = (key: SagaTableKey) => synth.logicalIdOf(saga.tables[key]);
  tableLogicalIds = { orders: idOf('orders'), inventory: idOf('inventory'), payments: idOf('payments'), notifications: idOf('notifications') };
  const functions = template.findResources('AWS::Lambda::Function');
  roleOfFunction = (key) => getAttTarget((functions[fnLogicalIds.get(key) ?? '']?.Properties as { Role: unknown }).Role) ?? '';
});

const dynamoStatements = (statements: Statement[]) => statements.filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));

describe('the deployed definition', () => {
  let deployed: AslDefinition;
  beforeAll(() => {
    const keyOfLogicalId = new Map([...fnLogicalIds].map(([key, id]) => [id, key]));
    deployed = deployedDefinition(template, (logicalId) => {
      const spec = SAGA_FUNCTIONS.find((s) => s.key === keyOfLogicalId.get(logicalId));
      if (!spec) throw new Error(`definition references ${logicalId}, not a saga function`);
      return localLambdaArn(spec.functionName);
    });
  });

  it('is the same graph the local engine runs', () => {
    expect(deployed).toEqual(sagaDefinition(LOCAL_SAGA_ARNS));
  });

  it('compensates in reverse through Catch, ends a clean rollback in a Fail state, and leaves a stuck compensation uncaught for Redrive', () => {
    const s = deployed.States;
    expect(s.ProcessPayment?.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'PaymentRefund' })]);
    expect(s.UpdateInventory?.Catch).toEqual([expect.objectContaining({ Next: 'InventoryRollback' })]);
    expect(s.CreateOrder?.Catch).toEqual([expect.objectContaining({ Next: 'CancelOrder' })]);
    expect([s.PaymentRefund?.Next, s.InventoryRollback?.Next, s.CancelOrder?.Next]).toEqual(['InventoryRollback', 'CancelOrder', 'NotifyFailure']);
    expect(s.SagaRolledBack).toMatchObject({ Type: 'Fail', Error: 'SagaRolledBack' });
    for (const compensation of [s.PaymentRefund, s.InventoryRollback, s.CancelOrder]) expect(compensation?.Catch).toBeUndefined();
  });

  it('retries transient errors with backoff and jitter', () => {
    expect(deployed.States.ProcessPayment?.Retry).toEqual([
      expect.objectContaining({ ErrorEquals: expect.arrayContaining(['TransientError', 'Lambda.ServiceException']), IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3, JitterStrategy: 'FULL' }),
    ]);
  });
});

describe('IAM', () => {
  it('lets the state machine invoke its own Lambdas and nothing else', () => {
    const [machine] = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    const role = getAttTarget((machine?.Properties as { RoleArn: unknown }).RoleArn) ?? '';
    const statements = statementsOfRole(template, role);
    const invoke = statements.filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    const invoked = new Set(invoke.flatMap(resourcesOf).map((r) => getAttTarget(r) ?? JSON.stringify(r).match(/"(\w+)","Arn"/)?.[1]));
    expect(invoked).toEqual(new Set(fnLogicalIds.values()));
    for (const s of statements) {
      for (const action of actionsOf(s)) expect(action).toMatch(/^(lambda:InvokeFunction|xray:|logs:)/);
    }
    expect(dynamoStatements(statements)).toEqual([]);
  });

  it.each(SAGA_FUNCTIONS.map((s) => [s.key, s.tables] as const))('lets %s touch only its own tables %j', (key, tables) => {
    const statements = dynamoStatements(statementsOfRole(template, roleOfFunction(key)));
    const touched = new Set(statements.flatMap(resourcesOf).map(getAttTarget));
    expect(touched).toEqual(new Set(tables.map((t) => tableLogicalIds[t])));
    for (const s of statements) expect(actionsOf(s).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
  });

  describe('the dashboard policy', () => {
    let statements: Statement[];
    beforeAll(() => {
      const [policy] = Object.values(template.findResources('AWS::IAM::ManagedPolicy'));
      statements = (policy?.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement;
    });
    const statementWith = (action: string) => statements.find((s) => actionsOf(s).includes(action));

    it('starts executions of this state machine only', () => {
      expect(resourcesOf(statementWith('states:StartExecution') as Statement)).toEqual([{ Ref: expect.stringMatching(/statemachine/i) }]);
    });

    it('stops, redrives and reads only executions of this state machine', () => {
      for (const action of ['states:StopExecution', 'states:RedriveExecution', 'states:DescribeExecution', 'states:GetExecutionHistory', 'states:DescribeStateMachineForExecution']) {
        const resources = resourcesOf(statementWith(action) as Statement);
        expect(JSON.stringify(resources)).toContain(':execution:OrderSagaStack-OrderSaga:*');
      }
    });

    it('lists and describes, and never grants a wildcard action', () => {
      expect(statementWith('states:ListStateMachines')).toBeDefined();
      expect(statementWith('states:ListExecutions')).toBeDefined();
      expect(statementWith('states:DescribeStateMachine')).toBeDefined();
      for (const s of statements) for (const a of actionsOf(s)) expect(a).not.toMatch(/\*/);
    });

    it('reads the four tables and cannot write them', () => {
      const dynamo = dynamoStatements(statements);
      expect(new Set(dynamo.flatMap(resourcesOf).map(getAttTarget))).toEqual(new Set(Object.values(tableLogicalIds)));
      for (const a of dynamo.flatMap(actionsOf)) expect(a).toMatch(/^dynamodb:(Get|BatchGet|Query|Scan)/);
      // The invariants panel scans the orders, inventory and payments tables whole.
      for (const s of dynamo) expect(actionsOf(s)).toContain('dynamodb:Scan');
    });
  });
});

describe('tables', () => {
  it('are on-demand, with point-in-time recovery, keyed by pk', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 4);
    template.allResourcesProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    });
    template.allResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
  });

  it('seed the shared stock with a conditional PutItem that may only touch the inventory table', () => {
    const seeds = Object.values(template.findResources('Custom::AWS'));
    expect(seeds).toHaveLength(SEED_STOCK.length);
    const created = seeds.map((r) => JSON.stringify((r.Properties as { Create: unknown }).Create));
    for (const seed of SEED_STOCK) expect(created.some((c) => c.includes(seed.sku) && c.includes('attribute_not_exists(pk)'))).toBe(true);
    const seedPolicy = Object.values(template.findResources('AWS::IAM::Policy')).find((p) => JSON.stringify(p).includes('dynamodb:PutItem') && !JSON.stringify(p).includes('dynamodb:UpdateItem'));
    const seedStatements = (seedPolicy?.Properties as { PolicyDocument: { Statement: Statement[] } }).PolicyDocument.Statement;
    expect(seedStatements.flatMap(actionsOf)).toEqual(['dynamodb:PutItem']);
    expect(seedStatements.flatMap(resourcesOf).map(getAttTarget)).toEqual([tableLogicalIds.inventory]);
  });
});

describe('Lambdas, logging and tracing', () => {
  it('run a current Node runtime with source maps, X-Ray and the table names', () => {
    for (const id of fnLogicalIds.values()) {
      const fn = template.toJSON().Resources[id] as { Properties: Record<string, unknown> };
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        Environment: {
          Variables: {
            NODE_OPTIONS: '--enable-source-maps',
            ORDERS_TABLE: { Ref: tableLogicalIds.orders },
            INVENTORY_TABLE: { Ref: tableLogicalIds.inventory },
            PAYMENTS_TABLE: { Ref: tableLogicalIds.payments },
            NOTIFICATIONS_TABLE: { Ref: tableLogicalIds.notifications },
          },
        },
      });
    }
  });

  it('logs every execution with its data to CloudWatch and traces with X-Ray', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'OrderSagaStack-OrderSaga',
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('statemachinelogs'), 'Arn'] } } }],
      },
      TracingConfiguration: { Enabled: true },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/vendedlogs/states/OrderSagaStack-OrderSaga' });
  });

  it('outputs what the dashboard reads from infra/outputs.json', () => {
    for (const key of ['StateMachineArn', 'Region', 'OrdersTableName', 'InventoryTableName', 'PaymentsTableName', 'NotificationsTableName', 'DashboardPolicyArn', 'AlertTopicArn']) {
      template.hasOutput(key, Match.anyValue());
    }
  });
});

describe('a rollback that stops at a compensation', () => {
  it('reaches a person: every saga failure but the clean-rollback Fail state goes to the alert topic', () => {
    const rules = template.findResources('AWS::Events::Rule');
    const [rule, ...others] = Object.values(rules).map((r) => r.Properties as { EventPattern: Record<string, unknown>; Targets: { Arn: unknown; InputTransformer?: { InputTemplate: string } }[] });
    expect(others).toEqual([]);
    expect(rule?.EventPattern).toMatchObject({
      source: ['aws.states'],
      'detail-type': ['Step Functions Execution Status Change'],
      detail: { status: ['FAILED', 'TIMED_OUT'], error: [{ 'anything-but': 'SagaRolledBack' }], stateMachineArn: [{ Ref: expect.any(String) }] },
    });
    // The Fail state it spares is the definition's own clean-rollback error.
    expect(deployedStatesOfType(template, 'Fail')).toEqual(['SagaRolledBack']);
    const topics = Object.keys(template.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    expect(rule?.Targets).toEqual([expect.objectContaining({ Arn: { Ref: topics[0] } })]);
    expect(JSON.stringify(rule?.Targets[0]?.InputTransformer?.InputTemplate)).toMatch(/Redrive the execution/);
  });

  it('emails whoever the deploy names, and no one otherwise', () => {
    expect(template.findResources('AWS::SNS::Subscription')).toEqual({});
    const named = synthSaga({ alertEmail: 'oncall@example.com' }).template;
    named.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    expect(() => synthSaga({ alertEmail: 'not-an-address' })).toThrow(/alertEmail/);
  });
});
