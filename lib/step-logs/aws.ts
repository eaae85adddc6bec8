/**
 * A step's log lines on AWS: the Lambda function its Task state calls (from the definition
 * the execution runs), that function's log group (the stack's own, else Lambda's default),
 * its lines within the visit's window, and links to the Logs Insights query and the X-Ray
 * trace. Pure over what it is handed, so the choice of group and the links are tested with
 * real SDK clients against a stand-in service.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { filterStepLogs } from './cloudwatch';
import { functionOfState } from './function-of-state';
import { insightsUrl, traceUrl } from './links';
import { StepLogsUnavailable, type StepLogs, type StepLogQuery } from './types';

export type CloudWatchStepLogsDeps = {
  /** the definition this execution runs (DescribeStateMachineForExecution's) */
  definitionOf(executionArn: string): Promise<unknown>;
  logs: Pick<CloudWatchLogsClient, 'send'>;
  /** for the console links: the Region the stack is in */
  region: string;
  /** Lambda function name -> its log group, from the stack's StepLogGroups output */
  logGroups: Readonly<Record<string, string>>;
};

/** Lambda's own group for a function the stack did not name one for. */
export const defaultLogGroup = (functionName: string): string => `/aws/lambda/${functionName}`;

export async function readCloudWatchStepLogs(deps: CloudWatchStepLogsDeps, executionArn: string, q: StepLogQuery): Promise<StepLogs> {
  const functionName = functionOfState(await deps.definitionOf(executionArn), q.stateName);
  if (!functionName) throw new StepLogsUnavailable(`${q.stateName} calls no Lambda function, so it has no log lines`);
  const logGroupName = deps.logGroups[functionName] ?? defaultLogGroup(functionName);
  const { lines, truncated } = await filterStepLogs(deps.logs, logGroupName, q);
  return {
    lines,
    source: 'cloudwatch',
    truncated,
    links: { insights: insightsUrl(deps.region, logGroupName, q), trace: traceUrl(deps.region, lines) },
  };
}
