import 'server-only';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { dashboardConfig, type StepLogsConfig } from '../env';
import { stepFunctions } from '../sfn';
import { filterStepLogs } from './cloudwatch';
import { functionOfState } from './function-of-state';
import { insightsUrl, traceUrl } from './links';
import { toStepLogLine, type StepLogs, type StepLogQuery } from './types';

/**
 * A step's log lines, wherever the saga runs: locally the engine's `/_logs` (it captured
 * them per invocation), on AWS FilterLogEvents on the function's log group within the
 * visit's window, with links to the Logs Insights query and the X-Ray trace.
 */
export class StepLogsUnavailable extends Error {
  override name = 'StepLogsUnavailable';
}

let cloudWatch: CloudWatchLogsClient | undefined;
function cloudWatchClient(config: Extract<StepLogsConfig, { source: 'cloudwatch' }>): CloudWatchLogsClient {
  cloudWatch ??= new CloudWatchLogsClient({
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    maxAttempts: 2,
  });
  return cloudWatch;
}

async function fromEngine(engineUrl: string, q: StepLogQuery): Promise<StepLogs> {
  const query = new URLSearchParams({ execution: q.executionName, state: q.stateName });
  const res = await fetch(`${engineUrl}/_logs?${query.toString()}`, { cache: 'no-store' });
  if (!res.ok) throw new StepLogsUnavailable(`The local engine answered ${res.status} for the step's logs`);
  const body = (await res.json()) as { lines?: unknown[] };
  return { lines: (body.lines ?? []).map((line) => toStepLogLine(line, q.from)), source: 'engine', truncated: false, links: {} };
}

export async function readStepLogs(executionArn: string, q: StepLogQuery): Promise<StepLogs> {
  const config = dashboardConfig().stepLogs;
  if (config.source === 'engine') return fromEngine(config.engineUrl, q);
  const machine = await stepFunctions().describeStateMachineForExecution(executionArn);
  const functionName = functionOfState(machine.definition, q.stateName);
  if (!functionName) throw new StepLogsUnavailable(`${q.stateName} calls no Lambda function, so it has no log lines`);
  // The stack names each function's own group; any other function logs where Lambda puts it by default.
  const logGroupName = config.logGroups[functionName] ?? `/aws/lambda/${functionName}`;
  const { lines, truncated } = await filterStepLogs(cloudWatchClient(config), logGroupName, q);
  const region = config.region ?? 'us-east-1';
  return { lines, source: 'cloudwatch', truncated, links: { insights: insightsUrl(region, logGroupName, q), trace: traceUrl(region, lines) } };
}
