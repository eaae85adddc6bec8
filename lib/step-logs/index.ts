import 'server-only';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { dashboardConfig, type StepLogsConfig } from '../env';
import { stepFunctions } from '../sfn';
import { createRevisionCache } from '../sfn/definition-cache';
import { readCloudWatchStepLogs } from './aws';
import { StepLogsUnavailable, toStepLogLine, type StepLogs, type StepLogQuery } from './types';

export { StepLogsUnavailable } from './types';

/**
 * A step's log lines, wherever the saga runs: locally the engine's `/_logs` (it captured
 * them per invocation), on AWS FilterLogEvents on the function's log group within the
 * visit's window, with links to the Logs Insights query and the X-Ray trace (./aws).
 */

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

/**
 * The definition each execution runs, described once per execution and kept: the panel
 * re-reads a running step's lines every 2 s, and DescribeStateMachineForExecution refills
 * at 1 call/s on AWS. A missing execution fails here (ExecutionNotFoundError), on the engine
 * too, whose `/_logs` knows execution names only and not their machine.
 */
const definitions = createRevisionCache({
  describe: (executionArn) => stepFunctions().describeStateMachineForExecution(executionArn),
  derive: ({ definition }): unknown => definition,
});

async function fromEngine(engineUrl: string, executionArn: string, q: StepLogQuery): Promise<StepLogs> {
  await definitions.get(executionArn);
  const query = new URLSearchParams({ execution: q.executionName, state: q.stateName });
  const res = await fetch(`${engineUrl}/_logs?${query.toString()}`, { cache: 'no-store' });
  if (!res.ok) throw new StepLogsUnavailable(`The local engine answered ${res.status} for the step's logs`);
  const body = (await res.json()) as { lines?: unknown[] };
  return { lines: (body.lines ?? []).map((line) => toStepLogLine(line, q.from)), source: 'engine', truncated: false, links: {} };
}

export async function readStepLogs(executionArn: string, q: StepLogQuery): Promise<StepLogs> {
  const config = dashboardConfig().stepLogs;
  if (config.source === 'engine') return fromEngine(config.engineUrl, executionArn, q);
  return readCloudWatchStepLogs(
    {
      definitionOf: (arn) => definitions.get(arn),
      logs: cloudWatchClient(config),
      region: config.region ?? 'us-east-1',
      logGroups: config.logGroups,
    },
    executionArn,
    q,
  );
}
