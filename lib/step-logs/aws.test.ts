/**
 * A step's logs on AWS, end to end below the route: the definition the execution runs comes
 * from DescribeStateMachineForExecution and the lines from FilterLogEvents, both through real
 * SDK clients to a small HTTP server that answers as the two services do and records what was
 * asked. Asserted: which log group is read for which state, and the links the panel offers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStepFunctions } from '../sfn/api';
import { ExecutionNotFoundError } from '../sfn/errors';
import { readCloudWatchStepLogs, type CloudWatchStepLogsDeps } from './aws';
import { StepLogsUnavailable } from './types';

const REGION = 'eu-west-1';
const MACHINE = 'arn:aws:states:eu-west-1:123456789012:stateMachine:OrderSaga';
const EXECUTION = 'arn:aws:states:eu-west-1:123456789012:execution:OrderSaga:payment-fails--ord-1';
const MISSING = 'arn:aws:states:eu-west-1:123456789012:execution:OrderSaga:no-such-run';
const PAYMENT_FN = 'OrderSagaStack-ProcessPaymentFn-AbC123';
const PAYMENT_GROUP = 'OrderSagaStack-ProcessPaymentLogs-XyZ789';
const INVENTORY_FN = 'OrderSagaStack-UpdateInventoryFn-Q1w2E3';
const TRACE_ID = '1-5759e988-bd862e3fe1be46a994272793';

/** As the deployed stack writes it: lambda:invoke with a qualified FunctionName, and a bare function ARN. */
const definition = {
  StartAt: 'UpdateInventory',
  States: {
    UpdateInventory: { Type: 'Task', Resource: `arn:aws:lambda:eu-west-1:123456789012:function:${INVENTORY_FN}`, Next: 'ProcessPayment' },
    ProcessPayment: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: `arn:aws:lambda:eu-west-1:123456789012:function:${PAYMENT_FN}:$LATEST`, 'Payload.$': '$' },
      Next: 'Done',
    },
    Done: { Type: 'Pass', End: true },
  },
};

type Asked = { target: string; body: Record<string, unknown> };
let asked: Asked[] = [];
let logEvents: { timestamp: number; message: string }[] = [];
let server: Server;
let deps: CloudWatchStepLogsDeps;
const clients: { destroy(): void }[] = [];

function answer(target: string, body: Record<string, unknown>): { status: number; json: unknown } {
  if (target === 'AWSStepFunctions.DescribeStateMachineForExecution') {
    if (body.executionArn !== EXECUTION) return { status: 400, json: { __type: 'ExecutionDoesNotExist', message: `Execution Does Not Exist: '${String(body.executionArn)}'` } };
    return {
      status: 200,
      json: { stateMachineArn: MACHINE, name: 'OrderSaga', definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::123456789012:role/r', updateDate: 1_764_583_200 },
    };
  }
  if (target === 'Logs_20140328.FilterLogEvents') return { status: 200, json: { events: logEvents } };
  return { status: 400, json: { __type: 'UnknownOperationException', message: target } };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target']);
      const body = JSON.parse(text) as Record<string, unknown>;
      asked.push({ target, body });
      const { status, json } = answer(target, body);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const options = { endpoint, region: REGION, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 };
  const sfn = new SFNClient(options);
  const logs = new CloudWatchLogsClient(options);
  clients.push(sfn, logs);
  const api = createStepFunctions(sfn, 'the stand-in');
  deps = {
    definitionOf: async (executionArn) => (await api.describeStateMachineForExecution(executionArn)).definition,
    logs,
    region: REGION,
    // The stack's StepLogGroups output names the payment function's group only.
    logGroups: { [PAYMENT_FN]: PAYMENT_GROUP },
  };
});
afterAll(() => {
  for (const client of clients) client.destroy();
  server.close();
});
beforeEach(() => {
  asked = [];
  logEvents = [];
});

const from = Date.parse('2026-11-30T10:00:00Z');
const to = from + 60_000;
const query = (stateName: string) => ({ executionName: 'payment-fails--ord-1', stateName, from, to });
const line = (message: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ timestamp: new Date(from + 5).toISOString(), level: 'ERROR', message, executionName: 'payment-fails--ord-1', stateName: 'ProcessPayment', ...extra });

/** The Logs Insights link's state, undone from the console's double encoding. */
const insightsDetail = (url: string): string => decodeURIComponent(decodeURIComponent(url.split('#')[1]!.replace(/\$/g, '%')).replace(/\*/g, '%'));

describe('readCloudWatchStepLogs', () => {
  it("reads the group the stack names for the state's function, and links its Insights query and X-Ray trace", async () => {
    logEvents = [{ timestamp: from + 5, message: line('ProcessPayment failed: PaymentFailed: declined', { xray_trace_id: TRACE_ID }) }];
    const logs = await readCloudWatchStepLogs(deps, EXECUTION, query('ProcessPayment'));

    expect(asked.map((a) => a.target)).toEqual(['AWSStepFunctions.DescribeStateMachineForExecution', 'Logs_20140328.FilterLogEvents']);
    expect(asked[0]?.body).toEqual({ executionArn: EXECUTION });
    expect(asked[1]?.body).toMatchObject({ logGroupName: PAYMENT_GROUP, startTime: from, endTime: to });
    expect(logs.source).toBe('cloudwatch');
    expect(logs.lines.map((l) => l.message)).toEqual(['ProcessPayment failed: PaymentFailed: declined']);
    expect(logs.links.trace).toBe(`https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#xray:traces/${TRACE_ID}`);
    const insights = logs.links.insights ?? '';
    expect(insights.startsWith(`https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#logsV2:logs-insights`)).toBe(true);
    expect(insightsDetail(insights)).toContain(`source~(~'${PAYMENT_GROUP})`);
    expect(insightsDetail(insights)).toContain(`start~'${new Date(from).toISOString()}`);
    expect(insightsDetail(insights)).toContain(`end~'${new Date(to).toISOString()}`);
    expect(insightsDetail(insights)).toContain('filter executionName = "payment-fails--ord-1" and stateName = "ProcessPayment"');
  });

  it("falls back to Lambda's own group for a function the stack names none for; no trace link without a trace id", async () => {
    logEvents = [{ timestamp: from + 5, message: 'START RequestId: 1 Version: $LATEST' }];
    const logs = await readCloudWatchStepLogs(deps, EXECUTION, query('UpdateInventory'));
    expect(asked[1]?.body).toMatchObject({ logGroupName: `/aws/lambda/${INVENTORY_FN}` });
    expect(insightsDetail(logs.links.insights ?? '')).toContain(`source~(~'/aws/lambda/${INVENTORY_FN})`);
    expect(logs.links.trace).toBeUndefined();
  });

  it('a state that calls no function has no lines to read, and no log group is asked', async () => {
    await expect(readCloudWatchStepLogs(deps, EXECUTION, query('Done'))).rejects.toBeInstanceOf(StepLogsUnavailable);
    expect(asked.map((a) => a.target)).toEqual(['AWSStepFunctions.DescribeStateMachineForExecution']);
  });

  it('an execution that does not exist is ExecutionNotFoundError (the route answers 404), and no log group is asked', async () => {
    await expect(readCloudWatchStepLogs(deps, MISSING, query('ProcessPayment'))).rejects.toBeInstanceOf(ExecutionNotFoundError);
    expect(asked.map((a) => a.target)).toEqual(['AWSStepFunctions.DescribeStateMachineForExecution']);
  });
});
