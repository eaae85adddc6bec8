/**
 * The state panel's log section, rendered as the server renders it with the lines already
 * read: on AWS it offers the Logs Insights query and the X-Ray trace, each opening apart.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StepLogs } from '@/lib/step-logs/types';
import { StepLogsView } from './step-logs';

const EXECUTION = 'arn:aws:states:eu-west-1:123456789012:execution:OrderSaga:payment-fails--ord-1';
const entered = Date.parse('2026-11-30T10:00:00Z');
const exited = entered + 1_000;

function render(logs: StepLogs): string {
  const client = new QueryClient();
  client.setQueryData(['step-logs', EXECUTION, 'ProcessPayment', entered, exited], logs);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <StepLogsView executionArn={EXECUTION} stateName="ProcessPayment" enteredAt={entered} exitedAt={exited} />
    </QueryClientProvider>,
  );
}

const line = { timestamp: entered + 5, level: 'ERROR', message: 'ProcessPayment failed: PaymentFailed: declined', fields: {} };

describe('StepLogsView', () => {
  it('on AWS: the lines, then links to the Logs Insights query and the X-Ray trace', () => {
    const insights = 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:logs-insights$3FqueryDetail$3D~(x)';
    const trace = 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#xray:traces/1-5759e988-bd862e3fe1be46a994272793';
    const html = render({ lines: [line], source: 'cloudwatch', truncated: false, links: { insights, trace } });
    expect(html).toContain('ProcessPayment failed: PaymentFailed: declined');
    const links = [...html.matchAll(/<a href="([^"]+)" target="_blank" rel="noreferrer">([^<]+)<\/a>/g)].map(([, href, text]) => [href?.replaceAll('&amp;', '&'), text]);
    expect(links).toEqual([
      [insights, 'Open in Logs Insights'],
      [trace, 'X-Ray trace'],
    ]);
  });

  it('locally: the lines and no console links', () => {
    const html = render({ lines: [line], source: 'engine', truncated: false, links: {} });
    expect(html).toContain('data-testid="step-log-line"');
    expect(html).not.toContain('<a ');
  });
});
