/** Deep links into the AWS console for a step's logs: the Logs Insights query and the X-Ray trace. */
import type { StepLogLine, StepLogQuery } from './types';

const consoleBase = (region: string) => `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}`;

/** The console's own URL encoding for Logs Insights state: `*` for `%` inside values, `$` for `%` around them. */
const insightsValue = (text: string) => encodeURIComponent(text).replace(/%/g, '*');

export function insightsQuery(q: Pick<StepLogQuery, 'executionName' | 'stateName'>): string {
  const literal = (s: string) => JSON.stringify(s);
  return `fields @timestamp, level, message, orderId\n| filter executionName = ${literal(q.executionName)} and stateName = ${literal(q.stateName)}\n| sort @timestamp asc`;
}

export function insightsUrl(region: string, logGroupName: string, q: StepLogQuery): string {
  const detail =
    `~(end~'${insightsValue(new Date(q.to).toISOString())}~start~'${insightsValue(new Date(q.from).toISOString())}` +
    `~timeType~'ABSOLUTE~tz~'UTC~editorString~'${insightsValue(insightsQuery(q))}~source~(~'${insightsValue(logGroupName)}))`;
  return `${consoleBase(region)}#logsV2:logs-insights${encodeURIComponent(`?queryDetail=${detail}`).replace(/%/g, '$')}`;
}

/** The X-Ray trace of the invocation: Powertools writes its id on every line as `xray_trace_id` (Lambda with active tracing). */
export function traceUrl(region: string, lines: readonly StepLogLine[]): string | undefined {
  const id = lines.map((l) => l.fields.xray_trace_id).find((v): v is string => typeof v === 'string' && /^1-[0-9a-f]{8}-[0-9a-f]{24}$/.test(v));
  return id === undefined ? undefined : `${consoleBase(region)}#xray:traces/${id}`;
}
