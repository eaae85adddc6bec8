/**
 * The engine's stand-in for CloudWatch Logs: the saga handlers run in-process, so the engine
 * hands them a Powertools Logger whose lines land here instead of on stdout, kept per
 * execution and state, and served by `GET /_logs` (server.ts). On disk, in the engine's
 * store, so a step's lines outlive a restart as CloudWatch's do; bounded per execution here
 * and overall by the store.
 */
import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import { STEP_LOG_SERVICE, type StepLoggerFactory } from '../saga/step-log';
import type { EngineStore } from './store';

/** One structured line as the handler logged it (Powertools' attributes: level, message, timestamp, keys). */
export type StepLogLine = Record<string, unknown> & { timestamp: string; level: string; message: string };

/** Where a handler's lines go. */
export interface StepLogSink {
  add(line: StepLogLine): void;
}

export const MAX_LINES_PER_EXECUTION = 500;
/** Executions whose line count is remembered; one logged to after it was forgotten is counted again on disk. */
const COUNTED_EXECUTIONS = 1_000;

export class StepLogStore implements StepLogSink {
  // Map keeps insertion order: the first key is the execution least recently logged to.
  private readonly counts = new Map<string, number>();

  constructor(private readonly store: EngineStore) {}

  add(line: StepLogLine): void {
    const execution = typeof line.executionName === 'string' ? line.executionName : '';
    const count = this.counts.get(execution) ?? this.store.logCount(execution);
    this.counts.delete(execution);
    this.counts.set(execution, count + 1);
    if (this.counts.size > COUNTED_EXECUTIONS) {
      const oldest = this.counts.keys().next().value;
      if (oldest !== undefined) this.counts.delete(oldest);
    }
    // A runaway handler's lines stop here; the first ones say what went wrong.
    if (count >= MAX_LINES_PER_EXECUTION) return;
    this.store.appendLog(execution, typeof line.stateName === 'string' ? line.stateName : undefined, JSON.stringify(line));
  }

  /** The lines of one execution, of one state when given, in the order they were logged. */
  read(executionName: string, stateName?: string): StepLogLine[] {
    return this.store.logs(executionName, stateName).map((text) => JSON.parse(text) as StepLogLine);
  }
}

/** For runs that keep no logs (tests of the handlers, the direct benchmark): the lines are made, then dropped. */
export const discardedStepLogs: StepLogSink = { add: () => {} };

/** Powertools' own Logger, its output redirected from stdout into the store. */
class CapturingLogger extends Logger {
  constructor(
    private readonly sink: StepLogSink,
    options: ConstructorParameters<typeof Logger>[0],
  ) {
    super(options);
  }

  protected override printLog(_level: number, log: LogItem): void {
    // Through JSON with Powertools' own replacer, exactly the line stdout would get (errors as plain objects).
    this.sink.add(JSON.parse(JSON.stringify(log.getAttributes(), this.getJsonReplacer())) as StepLogLine);
  }
}

export const capturingStepLogger =
  (sink: StepLogSink): StepLoggerFactory =>
  (keys) =>
    new CapturingLogger(sink, { serviceName: STEP_LOG_SERVICE, persistentKeys: keys });
