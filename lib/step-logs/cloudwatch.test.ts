/**
 * The AWS log query, with CloudWatch Logs stood in for at the client's boundary: a real SDK
 * client sends real requests to a small HTTP server that answers as the service does, and
 * records what was asked (filter, window, paging).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filterStepLogs, MAX_STEP_LOG_LINES, stepFilterPattern } from './cloudwatch';
import { insightsUrl, traceUrl } from './links';

type Request = { target: string; body: Record<string, unknown> };
let requests: Request[] = [];
let pages: { events: { timestamp: number; message: string }[]; nextToken?: string }[] = [];
let server: Server;
let client: CloudWatchLogsClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(body) as Record<string, unknown> });
      const page = pages.shift() ?? { events: [] };
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(page));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new CloudWatchLogsClient({ endpoint: `http://127.0.0.1:${port}`, region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
});
afterAll(() => {
  client.destroy();
  server.close();
});
beforeEach(() => {
  requests = [];
  pages = [];
});

const from = Date.parse('2026-11-30T10:00:00Z');
const to = from + 60_000;
const query = { executionName: 'payment-fails--ord-1', stateName: 'ProcessPayment', from, to };
const line = (at: number, level: string, message: string) =>
  JSON.stringify({ timestamp: new Date(at).toISOString(), level, message, executionName: query.executionName, stateName: 'ProcessPayment', xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793' });

describe('filterStepLogs', () => {
  it("asks the function's log group for this execution's and this state's JSON lines within the visit's window, following pages", async () => {
    pages = [
      { events: [{ timestamp: from + 20, message: line(from + 20, 'ERROR', 'ProcessPayment failed: PaymentFailed: declined') }], nextToken: 'page-2' },
      { events: [{ timestamp: from + 10, message: line(from + 10, 'INFO', 'ProcessPayment started') }, { timestamp: from + 30, message: 'END RequestId: abc' }] },
    ];
    const { lines, truncated } = await filterStepLogs(client, 'OrderSagaStack-ProcessPaymentlogs-XYZ', query);

    expect(requests.map((r) => r.target)).toEqual(['Logs_20140328.FilterLogEvents', 'Logs_20140328.FilterLogEvents']);
    expect(requests[0]?.body).toEqual({
      logGroupName: 'OrderSagaStack-ProcessPaymentlogs-XYZ',
      filterPattern: '{ ($.executionName = "payment-fails--ord-1") && ($.stateName = "ProcessPayment") }',
      startTime: from,
      endTime: to,
      limit: MAX_STEP_LOG_LINES,
    });
    expect(requests[1]?.body).toMatchObject({ nextToken: 'page-2', limit: MAX_STEP_LOG_LINES - 1, startTime: from, endTime: to });
    // In time order, structured lines read, a plain one kept as text.
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ['INFO', 'ProcessPayment started'],
      ['ERROR', 'ProcessPayment failed: PaymentFailed: declined'],
      ['INFO', 'END RequestId: abc'],
    ]);
    expect(truncated).toBe(false);
    expect(traceUrl('eu-west-1', lines)).toBe('https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#xray:traces/1-5759e988-bd862e3fe1be46a994272793');
  });

  it('stops after a bounded number of pages and says more matched', async () => {
    pages = Array.from({ length: 10 }, (_, i) => ({ events: [], nextToken: `p${i}` }));
    const { lines, truncated } = await filterStepLogs(client, 'g', query);
    expect(requests).toHaveLength(5);
    expect(lines).toEqual([]);
    expect(truncated).toBe(true);
  });

  it('quotes names so a state name cannot break out of the filter', () => {
    expect(stepFilterPattern({ executionName: 'e', stateName: 'Say "hi" \\ bye' })).toBe('{ ($.executionName = "e") && ($.stateName = "Say \\"hi\\" \\\\ bye") }');
  });
});

describe('insightsUrl', () => {
  it('opens Logs Insights on the log group, over the window, with the query filled in', () => {
    const url = insightsUrl('eu-west-1', 'my-group', query);
    expect(url.startsWith('https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:logs-insights$3FqueryDetail$3D')).toBe(true);
    // The console's encoding: `*` for `%` inside values, `$` for `%` around them.
    const decoded = decodeURIComponent(decodeURIComponent(url.split('#')[1]!.replace(/\$/g, '%')).replace(/\*/g, '%'));
    expect(decoded).toContain("source~(~'my-group)");
    expect(decoded).toContain(`start~'${new Date(from).toISOString()}`);
    expect(decoded).toContain('filter executionName = "payment-fails--ord-1" and stateName = "ProcessPayment"');
  });
});
