/**
 * Validates an ASL definition and flattens its nested scopes (Parallel branches, Map
 * processors) into one list, so graph building and history reading can look states up
 * by name without walking the tree again.
 */
import { isRecord } from '../core/values';
import { InvalidDefinitionError } from './errors';
import type { AslStateType } from './types';

export type AslState = Record<string, unknown> & { Type: AslStateType };

export interface FlatState {
  name: string;
  state: AslState;
  /** enclosing Parallel/Map state */
  parentId?: string;
  /** branch index inside a Parallel */
  branch?: number;
  isStart: boolean;
}

const STATE_TYPES: ReadonlySet<string> = new Set<AslStateType>([
  'Task',
  'Pass',
  'Wait',
  'Choice',
  'Parallel',
  'Map',
  'Succeed',
  'Fail',
]);

/** States that end their scope by themselves, so they need neither Next nor End. */
const SELF_TERMINATING: ReadonlySet<string> = new Set(['Choice', 'Succeed', 'Fail']);

const fail = (message: string): never => {
  throw new InvalidDefinitionError(message);
};

/** The nested scope of a Map: ItemProcessor, or the legacy Iterator. */
const mapProcessor = (state: Record<string, unknown>): unknown => state.ItemProcessor ?? state.Iterator;

/** Every transition target a state names (Next, Default, Choice rules, Catchers). */
function transitionTargets(state: Record<string, unknown>): unknown[] {
  const targets: unknown[] = [];
  if ('Next' in state) targets.push(state.Next);
  if ('Default' in state) targets.push(state.Default);
  for (const list of [state.Choices, state.Catch]) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) continue;
    for (const rule of list) targets.push(isRecord(rule) ? rule.Next : undefined);
  }
  return targets;
}

function checkState(name: string, raw: unknown, scopeNames: Record<string, unknown>, where: string): AslState {
  if (!isRecord(raw)) return fail(`State "${name}"${where} is not an object`);
  if (typeof raw.Type !== 'string' || !STATE_TYPES.has(raw.Type)) {
    return fail(`State "${name}"${where} has unknown Type ${JSON.stringify(raw.Type)}`);
  }
  for (const key of ['Choices', 'Catch', 'Retry'] as const) {
    if (raw[key] !== undefined && !Array.isArray(raw[key])) fail(`State "${name}": ${key} must be an array`);
  }
  for (const target of transitionTargets(raw)) {
    if (typeof target !== 'string') fail(`State "${name}" has a transition without a target state name`);
    else if (!Object.hasOwn(scopeNames, target)) fail(`State "${name}" goes to unknown state "${target}"${where}`);
  }
  if (raw.Type === 'Choice' && (!Array.isArray(raw.Choices) || raw.Choices.length === 0)) {
    fail(`Choice state "${name}" has no Choices`);
  }
  if (!SELF_TERMINATING.has(raw.Type) && raw.End !== true && typeof raw.Next !== 'string') {
    fail(`State "${name}" has neither Next nor End`);
  }
  return raw as AslState;
}

function walkScope(scope: unknown, label: string, out: FlatState[], seen: Set<string>, parentId?: string, branch?: number) {
  if (!isRecord(scope)) return fail(`${label} is not an object`);
  const { StartAt, States } = scope;
  if (typeof StartAt !== 'string' || StartAt === '') return fail(`${label} has no StartAt`);
  if (!isRecord(States) || Object.keys(States).length === 0) return fail(`${label} has no States`);
  if (!Object.hasOwn(States, StartAt)) fail(`${label} starts at unknown state "${StartAt}"`);
  const where = parentId === undefined ? '' : ` (inside "${parentId}")`;
  for (const [name, raw] of Object.entries(States)) {
    // Graph node ids are state names, and AWS requires them unique across the whole machine.
    if (seen.has(name)) fail(`State name "${name}" is used twice`);
    seen.add(name);
    const state = checkState(name, raw, States, where);
    out.push({ name, state, parentId, branch, isStart: name === StartAt });
    if (state.Type === 'Parallel') {
      const branches = state.Branches;
      if (!Array.isArray(branches) || branches.length === 0) fail(`Parallel state "${name}" has no Branches`);
      else branches.forEach((b, i) => walkScope(b, `Branch ${i} of "${name}"`, out, seen, name, i));
    } else if (state.Type === 'Map') {
      walkScope(mapProcessor(state), `ItemProcessor of "${name}"`, out, seen, name);
    }
  }
}

/** Throws InvalidDefinitionError with a message naming the first problem found. */
export function flattenDefinition(def: unknown): FlatState[] {
  const out: FlatState[] = [];
  walkScope(def, 'The definition', out, new Set());
  return out;
}
