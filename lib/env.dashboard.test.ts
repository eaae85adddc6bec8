import { describe, expect, it } from 'vitest';
import { awsDashboardConfig, childNodeOptions, dashboardConfig, followConfig, LOCAL_SAGA_STATE_MACHINE_ARN } from './env';

const noFile = () => {
  throw new Error('ENOENT');
};

describe('dashboardConfig', () => {
  it('SFN_ENDPOINT set: the local engine, static credentials, the local saga ARN, fast polling', () => {
    const config = dashboardConfig({ SFN_ENDPOINT: 'http://127.0.0.1:8083' }, noFile);
    expect(config.sfn).toEqual({
      endpoint: 'http://127.0.0.1:8083',
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    expect(config.sagaStateMachineArn).toBe(LOCAL_SAGA_STATE_MACHINE_ARN);
    expect(config.livePollMs).toBe(50);
  });

  it('unset: AWS with the default credential chain, ARN and tables from the CDK outputs file', () => {
    const outputs = JSON.stringify({
      SagaStack: {
        OrderSagaStateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:OrderSaga-abc',
        OrdersTableName: 'SagaStack-Orders-XYZ',
      },
    });
    const config = dashboardConfig({}, () => outputs);
    expect(config.sfn).toEqual({ endpoint: undefined, region: 'eu-west-1', credentials: undefined });
    expect(config.sagaStateMachineArn).toBe('arn:aws:states:eu-west-1:123456789012:stateMachine:OrderSaga-abc');
    expect(config.data.tables.orders).toBe('SagaStack-Orders-XYZ');
    expect(config.data.tables.inventory).toBe('saga-inventory');
  });

  it('unset with nothing deployed: no ARN, so the dashboard can say how to configure one', () => {
    expect(dashboardConfig({}, noFile).sagaStateMachineArn).toBeUndefined();
  });

  it('start:aws ignores the local engine\'s variables; only the test override redirects AWS calls', () => {
    const local = { SFN_ENDPOINT: 'http://127.0.0.1:8083', DYNAMODB_ENDPOINT: 'http://127.0.0.1:8084', SAGA_STATE_MACHINE_ARN: LOCAL_SAGA_STATE_MACHINE_ARN };
    const aws = awsDashboardConfig(local);
    expect(aws.sfn).toEqual({ endpoint: undefined, region: 'us-east-1', credentials: undefined });
    expect(aws.targetLabel).toBe('AWS us-east-1');

    const standIn = awsDashboardConfig({ ...local, AWS_ENDPOINTS_FOR_TESTS: 'sfn=http://127.0.0.1:9001,dynamodb=http://127.0.0.1:9002,logs=http://127.0.0.1:9003' });
    expect(standIn.sfn).toEqual({ endpoint: 'http://127.0.0.1:9001', region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    expect(standIn.data.dynamoEndpoint).toBe('http://127.0.0.1:9002');
    expect(standIn.stepLogs).toMatchObject({ source: 'cloudwatch', endpoint: 'http://127.0.0.1:9003' });
  });

  it('refuses a malformed test override, naming the variable', () => {
    expect(() => dashboardConfig({ AWS_ENDPOINTS_FOR_TESTS: 'sfn=ftp://x' }, noFile)).toThrow(/AWS_ENDPOINTS_FOR_TESTS/);
  });
});

describe('followConfig', () => {
  it('keeps the follow file with the local data unless told otherwise', () => {
    expect(followConfig({})).toEqual({ file: '.data/dashboard-follow.json', publicUrl: undefined });
    expect(followConfig({ ENGINE_DATA_DIR: '/tmp/d' }).file).toBe('/tmp/d/dashboard-follow.json');
    expect(followConfig({ FOLLOW_FILE: '/x/f.json', DASHBOARD_PUBLIC_URL: 'http://10.0.0.5:3000' })).toEqual({
      file: '/x/f.json',
      publicUrl: 'http://10.0.0.5:3000',
    });
  });

  it('refuses a public address that is not a URL, naming the variable', () => {
    expect(() => followConfig({ DASHBOARD_PUBLIC_URL: 'my laptop' })).toThrow(/DASHBOARD_PUBLIC_URL/);
  });
});

describe('childNodeOptions', () => {
  it("keeps a person's own NODE_OPTIONS and adds the dashboard's flags after them", () => {
    expect(childNodeOptions(['--max-semi-space-size=8'], { NODE_OPTIONS: '--inspect' })).toBe('--inspect --max-semi-space-size=8');
    expect(childNodeOptions(['--max-semi-space-size=8'], {})).toBe('--max-semi-space-size=8');
    expect(childNodeOptions(['--max-semi-space-size=8'], { NODE_OPTIONS: '' })).toBe('--max-semi-space-size=8');
  });
});
