/** A step's log lines as the state panel shows them (browser-safe: types, a pure reader and the typed refusal). */
import { isRecord, toEpochMs } from '../core/values';

export type StepLogLine = {
  /** epoch ms */
  timestamp: number;
  level: string;
  message: string;
  /** every other key of the structured line (keys, error, result...) */
  fields: Record<string, unknown>;
};

export type StepLogs = {
  lines: StepLogLine[];
  source: 'engine' | 'cloudwatch';
  /** more lines matched than were read */
  truncated: boolean;
  /** on AWS: the query in CloudWatch Logs Insights, the X-Ray trace of the invocation */
  links: { insights?: string; trace?: string };
};

/** The step has no log lines to read: not a Lambda task, or the engine refused the query. */
export class StepLogsUnavailable extends Error {
  override name = 'StepLogsUnavailable';
}

/** Which step, and (on AWS) the time window its lines fall in. */
export type StepLogQuery = { executionName: string; stateName: string; from: number; to: number };

/** One structured line (Powertools' JSON) as the panel shows it; a line that is not JSON keeps its text. */
export function toStepLogLine(raw: unknown, fallbackTimestamp: number): StepLogLine {
  if (!isRecord(raw)) return { timestamp: fallbackTimestamp, level: 'INFO', message: String(raw), fields: {} };
  const { timestamp, level, message, ...fields } = raw;
  return {
    timestamp: toEpochMs(timestamp) ?? fallbackTimestamp,
    level: typeof level === 'string' ? level : 'INFO',
    message: typeof message === 'string' ? message : JSON.stringify(message),
    fields,
  };
}
