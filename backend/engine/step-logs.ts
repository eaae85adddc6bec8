/**
 * The engine's stand-in for CloudWatch Logs: the saga handlers run in-process, so the engine
 * hands them a Powertools Logger whose lines land here instead of on stdout, kept per
 * execution and state, and served by `GET /_logs` (server.ts). Memory only and bounded: the
 * lines of the most recent executions, as a console would show them, not an archive.
 */
import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import { STEP_LOG_SERVICE, type StepLoggerFactory } from '../saga/step-log';

/** One structured line as the handler logged it (Powertools' attributes: level, message, timestamp, keys). */
export type StepLogLine = Record<string, unknown> & { timestamp: string; level: string; message: string };

const MAX_EXECUTIONS = 1_000;
const MAX_LINES_PER_EXECUTION = 500;

export class StepLogStore {
  // Map keeps insertion order: the first key is the execution least recently logged to.
  private readonly byExecution = new Map<string, StepLogLine[]>();

  add(line: StepLogLine): void {
    const execution = typeof line.executionName === 'string' ? line.executionName : '';
    const lines = this.byExecution.get(execution) ?? [];
    this.byExecution.delete(execution);
    this.byExecution.set(execution, lines);
    if (lines.length < MAX_LINES_PER_EXECUTION) lines.push(line);
    if (this.byExecution.size > MAX_EXECUTIONS) {
      const oldest = this.byExecution.keys().next().value;
      if (oldest !== undefined) this.byExecution.delete(oldest);
    }
  }

  /** The lines of one execution, of one state when given, in the order they were logged. */
  read(executionName: string, stateName?: string): StepLogLine[] {
    const lines = this.byExecution.get(executionName) ?? [];
    return stateName === undefined ? [...lines] : lines.filter((l) => l.stateName === stateName);
  }
}

/** Powertools' own Logger, its output redirected from stdout into the store. */
class CapturingLogger extends Logger {
  constructor(
    private readonly store: StepLogStore,
    options: ConstructorParameters<typeof Logger>[0],
  ) {
    super(options);
  }

  protected override printLog(_level: number, log: LogItem): void {
    // Through JSON with Powertools' own replacer, exactly the line stdout would get (errors as plain objects).
    this.store.add(JSON.parse(JSON.stringify(log.getAttributes(), this.getJsonReplacer())) as StepLogLine);
  }
}

export const capturingStepLogger =
  (store: StepLogStore): StepLoggerFactory =>
  (keys) =>
    new CapturingLogger(store, { serviceName: STEP_LOG_SERVICE, persistentKeys: keys });
