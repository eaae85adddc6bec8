/**
 * A step's lines on AWS: FilterLogEvents on its function's log group, matching the JSON keys
 * every line carries (executionName, stateName), within the visit's time window. Pure over
 * an injected client, so the query is tested with the client mocked at its boundary.
 */
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { toStepLogLine, type StepLogLine, type StepLogQuery } from './types';

/** Enough for any one step (it logs a handful of lines per attempt); more is a runaway loop. */
export const MAX_STEP_LOG_LINES = 200;
const MAX_PAGES = 5;

const quoted = (text: string): string => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** CloudWatch Logs' JSON filter pattern for one step of one execution. */
export const stepFilterPattern = (q: Pick<StepLogQuery, 'executionName' | 'stateName'>): string =>
  `{ ($.executionName = ${quoted(q.executionName)}) && ($.stateName = ${quoted(q.stateName)}) }`;

export async function filterStepLogs(
  client: Pick<CloudWatchLogsClient, 'send'>,
  logGroupName: string,
  q: StepLogQuery,
): Promise<{ lines: StepLogLine[]; truncated: boolean }> {
  const lines: StepLogLine[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await client.send(
      new FilterLogEventsCommand({
        logGroupName,
        filterPattern: stepFilterPattern(q),
        startTime: q.from,
        endTime: q.to,
        limit: MAX_STEP_LOG_LINES - lines.length,
        nextToken,
      }),
    );
    for (const event of out.events ?? []) {
      const text = event.message ?? '';
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not every line is ours (the runtime's START/END lines); keep it as text.
      }
      lines.push(toStepLogLine(parsed, event.timestamp ?? q.from));
    }
    nextToken = out.nextToken;
    if (!nextToken || lines.length >= MAX_STEP_LOG_LINES) break;
  }
  lines.sort((a, b) => a.timestamp - b.timestamp);
  return { lines, truncated: nextToken !== undefined };
}
