/**
 * The synthesized stack asserts intent: least-privilege IAM, the saga's wiring, the tables,
 * logging and tracing, and that AWS runs the same graph as the local engine.
 */
import { readFileSync } from 'node:fs';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { localLambdaArn } from '@/backend/saga/definition';
import { SAGA_FUNCTIONS } from '@/backend/saga/functions';
import { SEED_STOCK, type SagaTableKey } from '@/lib/saga-data/tables';
import type { AslDefinition } from '@/lib/asl/types';
import { REPO_ROOT } from './paths';
import { actionsOf, deployedDefinition, getAttTarget, resourcesOf, statementsOfRole, synthSaga, type Statement } from './testing/synth';
import { definitionFindings, iamFindings, rollbackFindings, type TemplateJson } from './testing/template-checks';

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

  it('is the file the local engine runs, each placeholder replaced by its own function', () => {
    // Read from disk, not through the module the stack used, so the two cannot share a mistake.
    const file = readFileSync(`${REPO_ROOT}/backend/saga/definition.asl.json`, 'utf8');
    const expected = JSON.parse(
      file.replace(/\$\{(\w+)\}/g, (_m, placeholder: string) => {
        const spec = SAGA_FUNCTIONS.find((f) => f.placeholder === placeholder);
        if (!spec) throw new Error(`the file names \${${placeholder}}, which no function provides`);
        return localLambdaArn(spec.functionName);
      }),
    ) as AslDefinition;
    expect(definitionFindings(deployed, expected)).toEqual([]);
    expect(Object.keys(deployed.States).length).toBeGreaterThan(5);
  });

  it('compensates through Catch to a Fail state, retries each compensation for minutes and leaves it uncaught, and notifies without risking the outcome (found by role)', () => {
    expect(rollbackFindings(deployed)).toEqual([]);
  });

  it('retries transient errors with backoff and jitter', () => {
    expect(deployed.States.ProcessPayment?.Retry).toEqual([
      expect.objectContaining({ ErrorEquals: expect.arrayContaining(['TransientError', 'Lambda.ServiceException']), IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3, JitterStrategy: 'FULL' }),
    ]);
  });
});

describe('IAM', () => {
  it('gives no role a managed policy, no wildcard action, and Resource * only where the service allows nothing else', () => {
    expect(iamFindings(template.toJSON() as TemplateJson)).toEqual([]);
    expect(Object.keys(template.findResources('AWS::IAM::Role')).length).toBeGreaterThanOrEqual(SAGA_FUNCTIONS.length + 2);
  });

  it.each(SAGA_FUNCTIONS.map((s) => [s.key] as const))('lets %s write logs only to its own log group', (key) => {
    const statements = statementsOfRole(template, roleOfFunction(key)).filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
    expect(statements.flatMap(actionsOf).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    const fn = template.toJSON().Resources[fnLogicalIds.get(key) ?? ''] as { Properties: { LoggingConfig: { LogGroup: { Ref: string } } } };
    expect(statements.flatMap(resourcesOf).map(getAttTarget)).toEqual([fn.Properties.LoggingConfig.LogGroup.Ref]);
  });

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

    it("reads the saga functions' log lines, from their own log groups only", () => {
      const logs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
      expect(logs.flatMap(actionsOf)).toEqual(['logs:FilterLogEvents']);
      const groups = SAGA_FUNCTIONS.map((spec) => {
        const fn = template.toJSON().Resources[fnLogicalIds.get(spec.key) ?? ''] as { Properties: { LoggingConfig: { LogGroup: { Ref: string } } } };
        return fn.Properties.LoggingConfig.LogGroup.Ref;
      });
      expect(new Set(logs.flatMap(resourcesOf).map(getAttTarget))).toEqual(new Set(groups));
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
    // No fixed names: a group kept by removalPolicy=retain never blocks the next deploy.
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties).not.toHaveProperty('LogGroupName');
      expect(group.Properties).toMatchObject({ RetentionInDays: 30 });
    }
  });

  it('gives the seeding helper explicit memory, X-Ray and a log group that expires and goes with the stack', () => {
    const helpers = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) => ![...fnLogicalIds.values()].includes(id));
    expect(helpers).toHaveLength(1);
    const [, helper] = helpers[0] ?? [];
    expect(helper?.Properties).toMatchObject({ MemorySize: 256, TracingConfig: { Mode: 'Active' }, LoggingConfig: { LogGroup: { Ref: expect.any(String) } } });
    const groupId = (helper?.Properties as { LoggingConfig: { LogGroup: { Ref: string } } }).LoggingConfig.LogGroup.Ref;
    expect(template.toJSON().Resources[groupId]).toMatchObject({ DeletionPolicy: 'Delete', Properties: { RetentionInDays: 30 } });
  });

  it('outputs what the dashboard reads from infra/outputs.json', () => {
    for (const key of ['StateMachineArn', 'Region', 'OrdersTableName', 'InventoryTableName', 'PaymentsTableName', 'NotificationsTableName', 'DashboardPolicyArn', 'AlertTopicArn', 'StepLogGroups']) {
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
    const message = JSON.stringify(rule?.Targets[0]?.InputTransformer?.InputTemplate);
    expect(message).toMatch(/Redrive the execution/);
    expect(message).toContain('console.aws.amazon.com/states/home');
    expect(message).toContain('<detail-executionArn>');
    // An alert SNS could not take waits in a queue.
    expect(rule?.Targets[0]).toMatchObject({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } });
  });

  it("links the alert to the execution's page on the dashboard named at deploy", () => {
    const linked = synthSaga({ dashboardUrl: 'https://saga.example.com/' }).template;
    const [rule] = Object.values(linked.findResources('AWS::Events::Rule')) as { Properties: { Targets: { InputTransformer: { InputTemplate: string } }[] } }[];
    expect(JSON.stringify(rule?.Properties.Targets[0]?.InputTransformer.InputTemplate)).toContain('Dashboard: https://saga.example.com/executions/<detail-name>');
    expect(() => synthSaga({ dashboardUrl: 'saga.example.com' })).toThrow(/dashboardUrl/);
  });
});

describe('alarms', () => {
  type Alarm = { MetricName: string; Namespace: string; Dimensions: { Name: string; Value: unknown }[]; AlarmActions: unknown[]; Threshold: number };
  let alarms: Alarm[];
  beforeAll(() => {
    alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Alarm);
  });
  const topicRef = () => ({ Ref: Object.keys(template.findResources('AWS::SNS::Topic'))[0] });

  it("watch the state machine's failed, timed-out and throttled executions, each telling the alert topic", () => {
    const onMachine = alarms.filter((a) => a.Namespace === 'AWS/States');
    expect(onMachine.map((a) => a.MetricName).sort()).toEqual(['ExecutionThrottled', 'ExecutionsFailed', 'ExecutionsTimedOut']);
    for (const a of onMachine) {
      expect(a.Dimensions).toEqual([{ Name: 'StateMachineArn', Value: { Ref: expect.stringMatching(/statemachine/i) } }]);
      expect(a.AlarmActions).toEqual([topicRef()]);
    }
    // One timeout or throttle is news; failures include clean rollbacks, so a burst is.
    expect(onMachine.find((a) => a.MetricName === 'ExecutionsTimedOut')?.Threshold).toBe(1);
  });

  it("watch every saga Lambda's errors and throttles, each telling the alert topic", () => {
    for (const metric of ['Errors', 'Throttles']) {
      const watched = alarms.filter((a) => a.Namespace === 'AWS/Lambda' && a.MetricName === metric);
      expect(new Set(watched.map((a) => JSON.stringify(a.Dimensions[0]?.Value)))).toEqual(new Set([...fnLogicalIds.values()].map((id) => JSON.stringify({ Ref: id }))));
      for (const a of watched) expect(a.AlarmActions).toEqual([topicRef()]);
    }
  });

  it('emails whoever the deploy names, and no one otherwise', () => {
    expect(template.findResources('AWS::SNS::Subscription')).toEqual({});
    const named = synthSaga({ alertEmail: 'oncall@example.com' }).template;
    named.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.com' });
    expect(() => synthSaga({ alertEmail: 'not-an-address' })).toThrow(/alertEmail/);
  });
});
