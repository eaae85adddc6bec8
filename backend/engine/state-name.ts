/**
 * `$$.State.Name` for the executor, which fills `$$.Execution` but not `$$.State`: within a
 * state's own payload templates the path can only mean that state's name, so a field
 * `"key.$": "$$.State.Name"` is rewritten to `"key": "<the state's name>"` before the
 * executor sees the definition. What DescribeStateMachine returns stays as written.
 * (The path inside an intrinsic function, `States.Format('{}', $$.State.Name)`, is not rewritten.)
 */
import type { AslDefinition } from '@/lib/asl/types';
import { isRecord } from '@/lib/core/values';

const STATE_NAME_PATH = '$$.State.Name';
/** The fields that hold payload templates, evaluated with the context object. */
const TEMPLATE_FIELDS = ['Parameters', 'ItemSelector', 'ResultSelector'] as const;

function rewriteTemplate(template: unknown, stateName: string): unknown {
  if (Array.isArray(template)) return template.map((item) => rewriteTemplate(item, stateName));
  if (!isRecord(template)) return template;
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) =>
      key.endsWith('.$') && value === STATE_NAME_PATH ? [key.slice(0, -2), stateName] : [key, rewriteTemplate(value, stateName)],
    ),
  );
}

function rewriteStates(states: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(states).map(([name, state]) => {
      if (!isRecord(state)) return [name, state];
      const next: Record<string, unknown> = { ...state };
      for (const field of TEMPLATE_FIELDS) if (next[field] !== undefined) next[field] = rewriteTemplate(next[field], name);
      if (Array.isArray(next.Branches)) next.Branches = next.Branches.map((branch) => rewriteMachine(branch));
      for (const nested of ['ItemProcessor', 'Iterator'] as const) if (isRecord(next[nested])) next[nested] = rewriteMachine(next[nested]);
      return [name, next];
    }),
  );
}

function rewriteMachine(machine: unknown): unknown {
  if (!isRecord(machine) || !isRecord(machine.States)) return machine;
  return { ...machine, States: rewriteStates(machine.States) };
}

/** The definition the executor runs: `$$.State.Name` resolved per state, everything else as written. */
export const withStateNames = (definition: AslDefinition): AslDefinition => rewriteMachine(definition) as AslDefinition;
