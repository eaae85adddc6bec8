/**
 * Durable state in `<dataDir>/engine.sqlite` (node:sqlite, WAL): state machines, the
 * definition revisions executions ran with, executions and their history events.
 *
 * Writes are queued and committed together at most FLUSH_MS later: a commit costs a few
 * hundred microseconds however small it is, and every saga logs a couple of dozen events.
 * Callers that must not answer before their write is durable (StartExecution,
 * StopExecution, RedriveExecution) await `flushed()`, which commits at the next turn.
 * Every read flushes first, so reads always see every write made before them. A kill -9
 * loses at most the last FLUSH_MS of events, which resume then re-runs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { ExecutionStatus } from '@/lib/core/execution-status';

export interface StateMachineRecord {
  arn: string;
  name: string;
  roleArn: string;
  type: string;
  creationDate: number;
  revisionId: string;
  /** when the current revision was made: the creation date until the machine is updated */
  revisionDate: number;
  definition: string;
}

export interface ExecutionRecord {
  pk: number;
  arn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  revisionId: string;
  redriveCount: number;
  redriveDate?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS revisions (
  revision_id TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, definition TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS state_machines (
  arn TEXT PRIMARY KEY, name TEXT NOT NULL, role_arn TEXT NOT NULL, type TEXT NOT NULL,
  creation_date REAL NOT NULL, revision_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS executions (
  pk INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL,
  status TEXT NOT NULL, start_date REAL NOT NULL, stop_date REAL, input TEXT NOT NULL, output TEXT,
  error TEXT, cause TEXT, revision_id TEXT NOT NULL, redrive_count INTEGER NOT NULL, redrive_date REAL);
CREATE INDEX IF NOT EXISTS executions_newest ON executions (state_machine_arn, start_date DESC, pk DESC);
CREATE INDEX IF NOT EXISTS executions_by_status ON executions (state_machine_arn, status, start_date DESC, pk DESC);
CREATE TABLE IF NOT EXISTS events (
  execution_pk INTEGER NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (execution_pk, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS step_logs (
  id INTEGER PRIMARY KEY, execution TEXT NOT NULL, state TEXT, line TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS step_logs_by_execution ON step_logs (execution, id);
`;

type Row = Record<string, unknown>;

export const FLUSH_MS = 10;
/**
 * Step log lines kept on disk: the newest this many, across all executions (a few hundred
 * bytes each, so tens of MB at most). CloudWatch keeps logs for a retention period; a
 * workshop laptop keeps the last tens of thousands of sagas' lines.
 */
export const MAX_STORED_LOG_LINES = 200_000;
/** Old lines are pruned after this many new ones, not on every commit. */
const PRUNE_EVERY_LINES = 5_000;
// Nullable columns: SQLite gives back the stored number or text, or null.
const optNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const optString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function toExecution(row: Row): ExecutionRecord {
  return {
    pk: Number(row.pk),
    arn: String(row.arn),
    stateMachineArn: String(row.state_machine_arn),
    name: String(row.name),
    status: row.status as ExecutionStatus,
    startDate: Number(row.start_date),
    stopDate: optNumber(row.stop_date),
    input: String(row.input),
    output: optString(row.output),
    error: optString(row.error),
    cause: optString(row.cause),
    revisionId: String(row.revision_id),
    redriveCount: Number(row.redrive_count),
    redriveDate: optNumber(row.redrive_date),
  };
}

function toStateMachine(row: Row): StateMachineRecord {
  return {
    arn: String(row.arn),
    name: String(row.name),
    roleArn: String(row.role_arn),
    type: String(row.type),
    creationDate: Number(row.creation_date),
    revisionId: String(row.revision_id),
    revisionDate: Number(row.created),
    definition: String(row.definition),
  };
}

export class EngineStore {
  private readonly db: DatabaseSync;
  private readonly sql: Record<string, StatementSync>;
  private readonly pendingExecutions = new Map<number, ExecutionRecord>();
  private pendingEvents: [number, number, string][] = [];
  private pendingLogs: [string, string | null, string][] = [];
  private logsSincePrune = PRUNE_EVERY_LINES;
  private waiters: (() => void)[] = [];
  private afterFlush: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private nextPk: number;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(join(dataDir, 'engine.sqlite'));
    // WAL + NORMAL: commits don't fsync, a crash loses at most the last flush, never corrupts.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    this.db.exec(SCHEMA);
    const prepare = (sql: string) => this.db.prepare(sql);
    const machineColumns = 'm.arn, m.name, m.role_arn, m.type, m.creation_date, m.revision_id, r.definition, r.created';
    this.sql = {
      upsertExecution: prepare(`INSERT INTO executions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        ON CONFLICT(pk) DO UPDATE SET status=excluded.status, stop_date=excluded.stop_date, output=excluded.output,
        error=excluded.error, cause=excluded.cause, redrive_count=excluded.redrive_count, redrive_date=excluded.redrive_date`),
      insertEvent: prepare('INSERT OR REPLACE INTO events VALUES (?,?,?)'),
      executionByArn: prepare('SELECT * FROM executions WHERE arn = ?'),
      running: prepare("SELECT * FROM executions WHERE status = 'RUNNING' ORDER BY pk"),
      listAll: prepare(`SELECT * FROM executions WHERE state_machine_arn = ? AND (start_date < ? OR (start_date = ? AND pk < ?))
        ORDER BY start_date DESC, pk DESC LIMIT ?`),
      listByStatus: prepare(`SELECT * FROM executions WHERE state_machine_arn = ? AND status = ?
        AND (start_date < ? OR (start_date = ? AND pk < ?)) ORDER BY start_date DESC, pk DESC LIMIT ?`),
      eventsForward: prepare('SELECT id, body FROM events WHERE execution_pk = ? AND id > ? ORDER BY id LIMIT ?'),
      eventsBackward: prepare('SELECT id, body FROM events WHERE execution_pk = ? AND id < ? ORDER BY id DESC LIMIT ?'),
      maxPk: prepare('SELECT COALESCE(MAX(pk), 0) AS pk FROM executions'),
      putRevision: prepare('INSERT OR IGNORE INTO revisions VALUES (?,?,?,?)'),
      revision: prepare('SELECT definition, created FROM revisions WHERE revision_id = ?'),
      putMachine: prepare(`INSERT INTO state_machines VALUES (?,?,?,?,?,?)
        ON CONFLICT(arn) DO UPDATE SET role_arn=excluded.role_arn, revision_id=excluded.revision_id`),
      machine: prepare(`SELECT ${machineColumns} FROM state_machines m JOIN revisions r USING (revision_id) WHERE m.arn = ?`),
      machines: prepare(`SELECT ${machineColumns} FROM state_machines m JOIN revisions r USING (revision_id)
        WHERE m.arn > ? ORDER BY m.arn LIMIT ?`),
      deleteMachine: prepare('DELETE FROM state_machines WHERE arn = ?'),
      insertLog: prepare('INSERT INTO step_logs (execution, state, line) VALUES (?,?,?)'),
      logsOfExecution: prepare('SELECT line FROM step_logs WHERE execution = ? ORDER BY id'),
      logsOfState: prepare('SELECT line FROM step_logs WHERE execution = ? AND state = ? ORDER BY id'),
      logCount: prepare('SELECT COUNT(*) AS n FROM step_logs WHERE execution = ?'),
      pruneLogs: prepare('DELETE FROM step_logs WHERE id <= (SELECT MAX(id) FROM step_logs) - ?'),
    };
    this.nextPk = Number((this.stmt('maxPk').get() as Row).pk) + 1;
  }

  private stmt(name: string): StatementSync {
    const s = this.sql[name];
    if (!s) throw new Error(`unknown statement ${name}`);
    return s;
  }

  allocatePk(): number {
    return this.nextPk++;
  }

  saveExecution(record: ExecutionRecord): void {
    this.pendingExecutions.set(record.pk, { ...record });
    this.schedule();
  }

  appendEvents(executionPk: number, events: readonly { id: number }[]): void {
    for (const event of events) this.pendingEvents.push([executionPk, event.id, JSON.stringify(event)]);
    if (events.length > 0) this.schedule();
  }

  /** One step log line (already serialised), committed with the next batch. */
  appendLog(execution: string, state: string | undefined, line: string): void {
    this.pendingLogs.push([execution, state ?? null, line]);
    this.schedule();
  }

  /** The serialised log lines of one execution (of one state when given), in the order they were written. */
  logs(execution: string, state?: string): string[] {
    const rows = state === undefined ? this.read('logsOfExecution', execution) : this.read('logsOfState', execution, state);
    return rows.map((r) => String(r.line));
  }

  /** Lines written for one execution, committed or not; without forcing a commit, as it is asked on the hot path. */
  logCount(execution: string): number {
    const committed = Number((this.stmt('logCount').get(execution) as Row | undefined)?.n ?? 0);
    return committed + this.pendingLogs.filter(([e]) => e === execution).length;
  }

  private get dirty(): boolean {
    return this.timer !== undefined || this.immediate !== undefined;
  }

  /** Commits at the next turn; resolves once everything written before the call is durable. */
  flushed(): Promise<void> {
    if (!this.dirty) return Promise.resolve();
    this.immediate ??= setImmediate(() => this.flush());
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Runs `callback` after the next commit (or now, when nothing is pending), without hurrying it. */
  whenCommitted(callback: () => void): void {
    if (this.dirty) this.afterFlush.push(callback);
    else callback();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (!this.dirty) return;
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    const executions = [...this.pendingExecutions.values()];
    const events = this.pendingEvents;
    const logs = this.pendingLogs;
    this.pendingExecutions.clear();
    this.pendingEvents = [];
    this.pendingLogs = [];
    const waiters = [...this.waiters, ...this.afterFlush];
    this.waiters = [];
    this.afterFlush = [];
    this.db.exec('BEGIN');
    try {
      const upsert = this.stmt('upsertExecution');
      for (const e of executions) {
        upsert.run(e.pk, e.arn, e.stateMachineArn, e.name, e.status, e.startDate, e.stopDate ?? null, e.input,
          e.output ?? null, e.error ?? null, e.cause ?? null, e.revisionId, e.redriveCount, e.redriveDate ?? null);
      }
      const insert = this.stmt('insertEvent');
      for (const [pk, id, body] of events) insert.run(pk, id, body);
      const insertLog = this.stmt('insertLog');
      for (const [execution, state, line] of logs) insertLog.run(execution, state, line);
      this.logsSincePrune += logs.length;
      if (this.logsSincePrune >= PRUNE_EVERY_LINES) {
        this.stmt('pruneLogs').run(MAX_STORED_LOG_LINES);
        this.logsSincePrune = 0;
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    } finally {
      for (const resolve of waiters) resolve();
    }
  }

  /** A read of what writes may still be queued for (executions, events, logs): commits them first. */
  private read(name: string, ...params: SQLInputValue[]): Row[] {
    this.flush();
    return this.stmt(name).all(...params);
  }

  /** A read of what is written at once, never queued (state machines, revisions): no commit needed. */
  private readCommitted(name: string, ...params: SQLInputValue[]): Row[] {
    return this.stmt(name).all(...params);
  }

  /**
   * An execution by ARN. Its queued version, when it has one, is the newest; otherwise the
   * table's row is, so this read forces no commit: StartExecution asks it on every start,
   * and a commit there would delay the execution it is starting.
   */
  execution(arn: string): ExecutionRecord | undefined {
    for (const pending of this.pendingExecutions.values()) if (pending.arn === arn) return { ...pending };
    const row = this.readCommitted('executionByArn', arn)[0];
    return row ? toExecution(row) : undefined;
  }

  runningExecutions(): ExecutionRecord[] {
    return this.read('running').map(toExecution);
  }

  /** Newest first; `after` is the (startDate, pk) of the last row of the previous page. */
  listExecutions(machineArn: string, status: string | undefined, after: [number, number] | undefined, limit: number): ExecutionRecord[] {
    const [date, pk] = after ?? [Number.MAX_VALUE, Number.MAX_SAFE_INTEGER];
    const rows = status
      ? this.read('listByStatus', machineArn, status, date, date, pk, limit)
      : this.read('listAll', machineArn, date, date, pk, limit);
    return rows.map(toExecution);
  }

  /** Serialized events after (or, reversed, before) an id. */
  events(executionPk: number, afterId: number | undefined, reverse: boolean, limit: number): { id: number; body: string }[] {
    const rows = reverse
      ? this.read('eventsBackward', executionPk, afterId ?? Number.MAX_SAFE_INTEGER, limit)
      : this.read('eventsForward', executionPk, afterId ?? 0, limit);
    return rows.map((r) => ({ id: Number(r.id), body: String(r.body) }));
  }

  putStateMachine(record: StateMachineRecord): void {
    this.stmt('putRevision').run(record.revisionId, record.arn, record.definition, record.revisionDate);
    this.stmt('putMachine').run(record.arn, record.name, record.roleArn, record.type, record.creationDate, record.revisionId);
  }

  stateMachine(arn: string): StateMachineRecord | undefined {
    const row = this.readCommitted('machine', arn)[0];
    return row ? toStateMachine(row) : undefined;
  }

  stateMachines(afterArn: string | undefined, limit: number): StateMachineRecord[] {
    return this.readCommitted('machines', afterArn ?? '', limit).map(toStateMachine);
  }

  deleteStateMachine(arn: string): void {
    this.stmt('deleteMachine').run(arn);
  }

  revisionDefinition(revisionId: string): string | undefined {
    return this.revision(revisionId)?.definition;
  }

  revision(revisionId: string): { definition: string; created: number } | undefined {
    const row = this.readCommitted('revision', revisionId)[0];
    return row ? { definition: String(row.definition), created: Number(row.created) } : undefined;
  }

  close(): void {
    this.flush();
    this.db.close();
  }
}
