/**
 * State machines: CreateStateMachine's and UpdateStateMachine's rules, the engine's own
 * idempotent registration (a changed definition becomes a new revision, as an update
 * would), and compiled definitions cached per revision so executions never re-validate ASL.
 *
 * Revisions are identified by a UUID, as on AWS. Every machine has one from its creation
 * (executions point at the revision they ran), but AWS shows a revisionId only once the
 * machine has been updated, so responses show it only for a revision made after creation.
 */
import { randomUUID } from 'node:crypto';
import { assertValidName, parseStateMachineArn, stateMachineArn } from './arn';
import { compileDefinition, type CompiledDefinition } from './definition';
import { SfnError } from './errors';
import type { EngineStore, StateMachineRecord } from './store';

/** A registered machine may refuse inputs before anything starts (the saga's switches). */
export type InputValidator = (input: unknown) => { ok: true } | { ok: false; field: string; message: string };

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export class StateMachines {
  private readonly compiled = new Map<string, CompiledDefinition>();
  private readonly validators = new Map<string, InputValidator>();

  constructor(
    private readonly store: EngineStore,
    private readonly region: string,
  ) {}

  /** CreateStateMachine: same name with the same definition and role returns the existing machine, as AWS does. */
  create(params: { name: string; definition: string; roleArn: string; type?: string }): StateMachineRecord {
    assertValidName(params.name);
    if (!ROLE_ARN.test(params.roleArn)) throw new SfnError('InvalidArn', `Invalid Arn: '${params.roleArn}' is not an IAM role ARN`);
    if (params.type === 'EXPRESS') throw new SfnError('ValidationException', 'The local engine runs STANDARD state machines only, not EXPRESS');
    const compiled = compileDefinition(params.definition);
    const arn = stateMachineArn(this.region, params.name);
    const existing = this.store.stateMachine(arn);
    if (existing) {
      if (existing.definition === params.definition && existing.roleArn === params.roleArn) return existing;
      throw new SfnError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    }
    return this.save(arn, params.name, params.definition, params.roleArn, compiled);
  }

  /**
   * UpdateStateMachine: a changed definition or role makes a new revision; the same
   * parameters again return the current one (recorded on AWS: same revisionId twice).
   */
  update(params: { stateMachineArn: string; definition?: string; roleArn?: string; loggingConfiguration?: object; tracingConfiguration?: object; publish?: boolean }): StateMachineRecord {
    const { definition, roleArn } = params;
    if (definition === undefined && roleArn === undefined && params.loggingConfiguration === undefined && params.tracingConfiguration === undefined) {
      throw new SfnError('MissingRequiredParameter', 'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified');
    }
    if (params.publish) throw new SfnError('ValidationException', 'The local engine does not publish state machine versions');
    const existing = this.describe(params.stateMachineArn);
    if (roleArn !== undefined && !ROLE_ARN.test(roleArn)) throw new SfnError('InvalidArn', `Invalid Arn: 'Invalid ARN: ${roleArn}'`);
    const compiled = definition === undefined ? this.compiledFor(existing.revisionId) : compileDefinition(definition);
    const next = { definition: definition ?? existing.definition, roleArn: roleArn ?? existing.roleArn };
    if (next.definition === existing.definition && next.roleArn === existing.roleArn) return existing;
    return this.save(existing.arn, existing.name, next.definition, next.roleArn, compiled, existing.creationDate);
  }

  /** The engine's own machines (the saga): created, or moved to a new revision when the definition changed. */
  register(name: string, definition: string, roleArn: string, validator?: InputValidator): StateMachineRecord {
    const compiled = compileDefinition(definition);
    const arn = stateMachineArn(this.region, name);
    if (validator) this.validators.set(arn, validator);
    const existing = this.store.stateMachine(arn);
    if (existing && existing.definition === definition && existing.roleArn === roleArn) return existing;
    return this.save(arn, name, definition, roleArn, compiled, existing?.creationDate);
  }

  private save(arn: string, name: string, definition: string, roleArn: string, compiled: CompiledDefinition, creationDate?: number) {
    const revisionId = randomUUID();
    const now = Date.now() / 1000;
    const record: StateMachineRecord = {
      arn,
      name,
      roleArn,
      type: 'STANDARD',
      creationDate: creationDate ?? now,
      revisionId,
      revisionDate: now,
      definition,
    };
    this.store.putStateMachine(record);
    this.compiled.set(revisionId, compiled);
    return record;
  }

  describe(arn: string): StateMachineRecord {
    parseStateMachineArn(arn);
    const record = this.store.stateMachine(arn);
    if (!record) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return record;
  }

  list(afterArn: string | undefined, limit: number): StateMachineRecord[] {
    return this.store.stateMachines(afterArn, limit);
  }

  /** Deleting a machine that does not exist succeeds, as on AWS. */
  delete(arn: string): void {
    parseStateMachineArn(arn);
    this.store.deleteStateMachine(arn);
    this.validators.delete(arn);
  }

  validatorFor(arn: string): InputValidator | undefined {
    return this.validators.get(arn);
  }

  /** The definition an execution runs with, compiled once per revision. */
  compiledFor(revisionId: string): CompiledDefinition {
    let compiled = this.compiled.get(revisionId);
    if (!compiled) {
      const text = this.store.revisionDefinition(revisionId);
      if (text === undefined) throw new SfnError('StateMachineDoesNotExist', `Definition revision ${revisionId} is missing`);
      compiled = compileDefinition(text);
      this.compiled.set(revisionId, compiled);
    }
    return compiled;
  }
}
