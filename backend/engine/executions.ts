/**
 * Executions: start, stop, redrive, resume after a restart, and the reads. Running
 * executions live in memory (their record and translator); everything is written through
 * the store, which the reads consult.
 */
import { isRedrivable } from '@/lib/core/execution-status';
import { randomUUID } from 'node:crypto';
import { assertValidName, executionArn, parseExecutionArn, parseStateMachineArn } from './arn';
import type { AwsHistoryEvent } from './aws-events';
import { SfnError } from './errors';
import { invalidInput, invalidInputMessage } from './input-errors';
import { MAX_INPUT_DEPTH, nestsDeeperThan } from './json-depth';
import type { LambdaRegistry } from './lambdas';
import { findResumePoint } from './resume';
import { executorFailureCause, startRun, type RunHandle } from './runner';
import type { StateMachines } from './state-machines';
import type { EngineStore, ExecutionRecord } from './store';
import { HistoryTranslator, type Outcome } from './translator';

export const MAX_INPUT_BYTES = 256 * 1024;

interface LiveExecution {
  record: ExecutionRecord;
  translator: HistoryTranslator;
  run?: RunHandle;
  /** set on shutdown: the run keeps nothing more, so the next start resumes it */
  detached?: boolean;
}

const nowSeconds = () => Date.now() / 1000;

/**
 * Told when an execution closes, once its record and history are final: the local stand-in
 * for EventBridge's "Step Functions Execution Status Change" events.
 */
export type ClosedListener = (record: ExecutionRecord, history: () => AwsHistoryEvent[]) => void;

function parseInput(text: string): unknown {
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    throw new SfnError('InvalidExecutionInput', invalidInput(`Input is larger than ${MAX_INPUT_BYTES} bytes`));
  }
  // Checked on the text, before anything recursive touches the value.
  if (nestsDeeperThan(text, MAX_INPUT_DEPTH)) {
    throw new SfnError('InvalidExecutionInput', `Invalid execution input: nested deeper than ${MAX_INPUT_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new SfnError('InvalidExecutionInput', invalidInputMessage(text));
  }
}

export class Executions {
  private readonly live = new Map<string, LiveExecution>();
  private readonly closedListeners: ClosedListener[] = [];

  constructor(
    private readonly store: EngineStore,
    private readonly machines: StateMachines,
    private readonly registry: LambdaRegistry,
    private readonly region: string,
    /** called with each batch of events just queued for the store (the test-only kill point) */
    private readonly afterRecord?: (executionName: string, events: readonly AwsHistoryEvent[]) => void,
  ) {}

  async start(params: { stateMachineArn: string; name?: string; input?: string }): Promise<ExecutionRecord> {
    const machine = this.machines.describe(params.stateMachineArn);
    const name = params.name ?? randomUUID();
    assertValidName(name);
    const inputText = params.input ?? '{}';
    const input = parseInput(inputText);
    const verdict = this.machines.validatorFor(machine.arn)?.(input);
    if (verdict && !verdict.ok) {
      throw new SfnError('InvalidExecutionInput', invalidInput(`field '${verdict.field}': ${verdict.message}`));
    }
    const arn = executionArn(machine.arn, name);
    const existing = this.live.get(arn)?.record ?? this.store.execution(arn);
    if (existing) {
      // AWS makes a repeated start idempotent while the first one runs with the same input.
      if (existing.status === 'RUNNING' && existing.input === inputText) return existing;
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const record: ExecutionRecord = {
      pk: this.store.allocatePk(),
      arn,
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      startDate: nowSeconds(),
      input: inputText,
      revisionId: machine.revisionId,
      redriveCount: 0,
    };
    const compiled = this.machines.compiledFor(machine.revisionId);
    const live: LiveExecution = { record, translator: new HistoryTranslator(compiled.index) };
    this.store.saveExecution(record);
    this.record(live, [live.translator.started(inputText, machine.roleArn, record.startDate * 1000)]);
    this.launch(live, compiled.definition.StartAt, input);
    await this.store.flushed();
    return record;
  }

  describe(arn: string): ExecutionRecord {
    parseExecutionArn(arn);
    const record = this.live.get(arn)?.record ?? this.store.execution(arn);
    if (!record) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  }

  async stop(arn: string, error?: string, cause?: string): Promise<ExecutionRecord> {
    const record = this.describe(arn);
    const live = this.live.get(arn);
    // Stopping a closed execution changes nothing.
    if (!live || record.status !== 'RUNNING') return record;
    const now = Date.now();
    this.record(live, live.translator.aborted(error, cause, now));
    Object.assign(record, { status: 'ABORTED', stopDate: now / 1000, error, cause });
    this.store.saveExecution(record);
    this.notifyClosed(record);
    live.run?.abort();
    await this.store.flushed();
    return record;
  }

  async redrive(arn: string): Promise<ExecutionRecord> {
    const record = this.describe(arn);
    if (!isRedrivable(record.status)) {
      throw new SfnError('ExecutionNotRedrivable', `Execution is ${record.status}; only FAILED, TIMED_OUT or ABORTED executions can be redriven`);
    }
    const compiled = this.machines.compiledFor(record.revisionId);
    const history = this.fullHistory(record);
    const point = findResumePoint(history, compiled.index, record.input, { rerunComposite: true });
    if (point.kind === 'impossible') throw new SfnError('ExecutionNotRedrivable', point.reason);
    const now = Date.now();
    const translator = new HistoryTranslator(compiled.index, history.at(-1)?.id ?? 0, point.continueVisit ? point.stateName : undefined);
    const redriven: ExecutionRecord = {
      ...record,
      status: 'RUNNING',
      stopDate: undefined,
      output: undefined,
      error: undefined,
      cause: undefined,
      redriveCount: record.redriveCount + 1,
      redriveDate: now / 1000,
    };
    const live: LiveExecution = { record: redriven, translator };
    this.live.set(arn, live);
    this.store.saveExecution(redriven);
    this.record(live, [translator.redriven(redriven.redriveCount, now)]);
    this.launch(live, point.stateName, JSON.parse(point.input));
    await this.store.flushed();
    return redriven;
  }

  /** After a restart: continue every execution that was RUNNING when the engine died. */
  resumeInterrupted(): number {
    const interrupted = this.store.runningExecutions();
    for (const record of interrupted) {
      const compiled = this.machines.compiledFor(record.revisionId);
      const history = this.fullHistory(record);
      const point = findResumePoint(history, compiled.index, record.input, { rerunComposite: false });
      const continueVisit = point.kind === 'state' && point.continueVisit ? point.stateName : undefined;
      const live: LiveExecution = { record, translator: new HistoryTranslator(compiled.index, history.at(-1)?.id ?? 0, continueVisit) };
      if (point.kind === 'impossible') {
        this.record(live, live.translator.failed('States.EngineRestarted', point.reason, Date.now()));
        this.finish(live, live.translator.outcome);
      } else {
        this.launch(live, point.stateName, JSON.parse(point.input));
      }
    }
    return interrupted.length;
  }

  list(machineArn: string, status: string | undefined, after: [number, number] | undefined, limit: number): ExecutionRecord[] {
    parseStateMachineArn(machineArn);
    return this.store.listExecutions(machineArn, status, after, limit);
  }

  onClosed(listener: ClosedListener): void {
    this.closedListeners.push(listener);
  }

  /** Stop executing without recording anything: the next start resumes these executions. */
  detachAll(): void {
    for (const live of this.live.values()) {
      live.detached = true;
      live.run?.abort();
    }
    this.live.clear();
  }

  /** A listener's failure is its own: it must not leave the execution unfinished or the engine down. */
  private notifyClosed(record: ExecutionRecord): void {
    for (const listener of this.closedListeners) {
      try {
        listener(record, () => this.fullHistory(record));
      } catch (error) {
        console.error(`engine: a status-change listener failed for ${record.arn}`, error);
      }
    }
  }

  private fullHistory(record: ExecutionRecord): AwsHistoryEvent[] {
    return this.store.events(record.pk, undefined, false, Number.MAX_SAFE_INTEGER).map((e) => JSON.parse(e.body) as AwsHistoryEvent);
  }

  private record(live: LiveExecution, events: AwsHistoryEvent[]): void {
    if (live.detached) return;
    this.store.appendEvents(live.record.pk, events);
    this.afterRecord?.(live.record.name, events);
  }

  private launch(live: LiveExecution, startAt: string, input: unknown): void {
    const { record } = live;
    this.live.set(record.arn, live);
    const machineName = parseStateMachineArn(record.stateMachineArn).name;
    try {
      live.run = startRun({
        compiled: this.machines.compiledFor(record.revisionId),
        registry: this.registry,
        region: this.region,
        translator: live.translator,
        startAt,
        input,
        context: {
          Execution: { Id: record.arn, Name: record.name, StartTime: new Date(record.startDate * 1000).toISOString(), RedriveCount: record.redriveCount },
          StateMachine: { Id: record.stateMachineArn, Name: machineName },
        },
        record: (events) => this.record(live, events),
      });
    } catch (error) {
      this.failInEngine(live, error);
      return;
    }
    live.run.outcome.then(
      (outcome) => this.finish(live, outcome),
      (error: unknown) => this.failInEngine(live, error),
    );
  }

  /** A fault in the engine itself ends this one execution as States.Runtime; the rest go on. */
  private failInEngine(live: LiveExecution, error: unknown): void {
    console.error(`engine: execution ${live.record.arn} failed inside the engine`, error);
    live.run?.abort();
    const cause = executorFailureCause(error);
    try {
      this.record(live, live.translator.failed('States.Runtime', cause, Date.now()));
    } finally {
      this.finish(live, live.translator.outcome ?? { status: 'FAILED', error: 'States.Runtime', cause });
    }
  }

  private finish(live: LiveExecution, outcome: Outcome | undefined): void {
    // A stopped execution was closed by stop(); a detached one must stay RUNNING for the next start.
    if (outcome && live.record.status === 'RUNNING' && !live.detached) {
      Object.assign(live.record, {
        status: outcome.status,
        stopDate: nowSeconds(),
        output: outcome.output,
        error: outcome.error,
        cause: outcome.cause,
      });
      this.store.saveExecution(live.record);
      this.notifyClosed(live.record);
    }
    // Served from memory until its last writes are committed, so polling clients never force a commit.
    this.store.whenCommitted(() => {
      if (this.live.get(live.record.arn) === live) this.live.delete(live.record.arn);
    });
  }
}
