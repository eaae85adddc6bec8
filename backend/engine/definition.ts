/**
 * ASL definitions: validation (CreateStateMachine's InvalidDefinition) and an index of
 * every state, nested Parallel branches and Map iterators included, that the history
 * translator, the task handlers and resume all consult by state name.
 */
import { withStateNames } from './state-name';
import { isRecord } from '@/lib/core/values';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { AslDefinition, AslStateType } from '@/lib/asl/types';
import { SfnError } from './errors';

type StateDef = Record<string, unknown> & { Type: string };

/** AWS's form: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'". */
const invalidDefinition = (code: string, reason: string) => new SfnError('InvalidDefinition', `Invalid State Machine Definition: '${code}: ${reason}'`);

export interface StateInfo {
  name: string;
  type: AslStateType;
  def: StateDef;
  /** enclosing Parallel/Map state; undefined at top level */
  parent?: string;
  /** Parallel branch index (0 for a Map iterator) */
  branch?: number;
}

export interface DefinitionIndex {
  startAt: string;
  states: ReadonlyMap<string, StateInfo>;
}


function nestedMachines(state: StateDef): unknown[] {
  if (state.Type === 'Parallel') return Array.isArray(state.Branches) ? state.Branches : [];
  if (state.Type === 'Map') return [state.ItemProcessor ?? state.Iterator];
  return [];
}

export function indexDefinition(definition: AslDefinition): DefinitionIndex {
  const states = new Map<string, StateInfo>();
  const visit = (machine: unknown, parent?: string, branch?: number) => {
    if (!isRecord(machine) || !isRecord(machine.States)) return;
    for (const [name, state] of Object.entries(machine.States)) {
      if (!isRecord(state) || typeof state.Type !== 'string') continue;
      // AWS requires names unique across the machine; history events only carry the name.
      if (states.has(name)) throw invalidDefinition('DUPLICATE_STATE_NAME', `Duplicate State name: ${name}`);
      const def = state as StateDef;
      states.set(name, { name, type: def.Type as AslStateType, def, parent, branch });
      nestedMachines(def).forEach((nested, i) => visit(nested, name, i));
    }
  };
  visit(definition);
  return { startAt: definition.StartAt, states };
}

/** Variables (Assign) and a Distributed Map's S3 reader and writer. */
const UNSUPPORTED_FIELDS = ['Assign', 'ItemReader', 'ResultWriter'] as const;

const usesJsonata = (definition: AslDefinition, index: DefinitionIndex): boolean =>
  definition.QueryLanguage === 'JSONata' || [...index.states.values()].some((s) => s.def.QueryLanguage === 'JSONata');

export interface CompiledDefinition {
  definition: AslDefinition;
  /** what the executor runs: the definition with `$$.State.Name` resolved (state-name.ts) */
  executable: AslDefinition;
  index: DefinitionIndex;
  /** validated once, reused by every execution that starts at StartAt */
  machine: StateMachine;
}

/** Parse and validate a definition string; every problem is an InvalidDefinition naming it. */
export function compileDefinition(text: string): CompiledDefinition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalidDefinition('INVALID_JSON_DESCRIPTION', (error as Error).message);
  }
  if (!isRecord(parsed)) throw invalidDefinition('SCHEMA_VALIDATION_FAILED', 'Expected an object at /');
  const missing = ['StartAt', 'States'].filter((field) => parsed[field] === undefined);
  if (missing.length > 0) throw invalidDefinition('SCHEMA_VALIDATION_FAILED', `These fields are required: [${missing.join(', ')}] at /`);
  if (typeof parsed.StartAt !== 'string') throw invalidDefinition('SCHEMA_VALIDATION_FAILED', 'Expected value of type: String at /StartAt');
  if (!isRecord(parsed.States)) throw invalidDefinition('SCHEMA_VALIDATION_FAILED', 'Expected value of type: Object at /States');
  const definition = parsed as AslDefinition;
  const index = indexDefinition(definition);
  if (usesJsonata(definition, index)) {
    throw invalidDefinition('SCHEMA_VALIDATION_FAILED', 'The local engine runs JSONPath only, not JSONata (QueryLanguage) at /');
  }
  // The executor ignores these silently; refusing them says so instead of running something else.
  for (const state of index.states.values()) {
    const field = UNSUPPORTED_FIELDS.find((f) => state.def[f] !== undefined);
    if (field) throw invalidDefinition('SCHEMA_VALIDATION_FAILED', `The local engine does not support ${field} at /States/${state.name}/${field}`);
  }
  const executable = withStateNames(definition);
  let machine: StateMachine;
  try {
    machine = new StateMachine(executable as unknown as StateMachineDefinition);
  } catch (error) {
    const reason = (error as Error).message.replace(/^State machine definition is invalid, see error\(s\) below:\s*/, '').trim();
    throw invalidDefinition('SCHEMA_VALIDATION_FAILED', reason);
  }
  return { definition, executable, index, machine };
}

/** The same machine entered at another top-level state, for resume and redrive (validated already). */
export function machineStartingAt(compiled: CompiledDefinition, stateName: string): StateMachine {
  if (stateName === compiled.definition.StartAt) return compiled.machine;
  const shifted = { ...compiled.executable, StartAt: stateName } as unknown as StateMachineDefinition;
  return new StateMachine(shifted, { validationOptions: { noValidate: true } });
}
