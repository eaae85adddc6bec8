/**
 * How data moved through one visit of a Task state, the way ASL processes it:
 * state input -> Parameters (as the call was made) -> the task's result -> ResultPath
 * (where the result went) -> state output. Values come from the history, expressions
 * from the definition; a step the history did not record says so instead of guessing.
 */
import { flattenDefinition } from '../asl/flatten';
import type { AslDefinition } from '../asl/types';
import type { StateReading, StateVisit } from './types';
import { isRecord } from '../core/values';
import { asString, asText } from './values';

export type DataStepKind = 'input' | 'parameters' | 'result' | 'result-path' | 'output';

export interface DataStep {
  kind: DataStepKind;
  label: string;
  /** whether the history holds this step's value (`value` may legitimately be null) */
  recorded: boolean;
  value?: unknown;
  /** what the definition says for this step (a Parameters template, a ResultPath...) */
  expression?: unknown;
  note?: string;
}

type StateDef = Record<string, unknown>;

const step = (kind: DataStepKind, label: string, value: unknown, extra: Partial<DataStep> = {}): DataStep => ({
  kind,
  label,
  recorded: value !== undefined,
  ...(value !== undefined ? { value } : {}),
  ...extra,
});

/** The Catch rule that handled `error`: the first whose ErrorEquals names it or a wildcard that covers it. */
function catcherFor(state: StateDef, error: string | undefined): StateDef | undefined {
  const catchers = Array.isArray(state.Catch) ? state.Catch.filter(isRecord) : [];
  return catchers.find((c) => {
    const names = Array.isArray(c.ErrorEquals) ? c.ErrorEquals : [];
    // States.TaskFailed covers every error except States.Timeout (and the other States.* runtime errors).
    const taskFailed = error !== undefined && (!error.startsWith('States.') || error === 'States.TaskFailed');
    return names.includes(error) || names.includes('States.ALL') || (taskFailed && names.includes('States.TaskFailed'));
  });
}

function resultPathNote(path: unknown): string {
  if (path === null) return 'null: the result is dropped and the input passes through';
  if (path === undefined || path === '$') return '$ (default): the result replaces the input';
  return `${asText(path)}: the result is placed there in the input`;
}

/** A failed try's error output, which takes the result's place in either query language. */
const errorOutput = (visit: StateVisit, caught: StateDef | undefined): DataStep =>
  step('result', 'Error output', { Error: visit.error, Cause: visit.cause }, {
    note: caught ? `caught by Catch → ${String(caught.Next)}` : 'not caught: the state failed',
  });

function jsonPathSteps(state: StateDef, visit: StateVisit, caught: StateDef | undefined, failed: boolean): DataStep[] {
  const inputPath = state.InputPath;
  const parameters = step('parameters', 'Parameters', visit.parameters, {
    expression: state.Parameters,
    note: inputPath !== undefined ? `InputPath ${asText(inputPath) ?? 'null'} applied first` : undefined,
  });
  const result = failed
    ? errorOutput(visit, caught)
    : step('result', 'Result', visit.result, {
        expression: state.ResultSelector,
        note: state.ResultSelector !== undefined ? 'ResultSelector reshapes the result first' : undefined,
      });
  const path = failed ? caught?.ResultPath : state.ResultPath;
  const outputPath = failed ? undefined : state.OutputPath;
  const resultPath = {
    kind: 'result-path' as const,
    label: 'ResultPath',
    recorded: !failed || caught !== undefined,
    expression: path === undefined ? '$' : path,
    note: `${resultPathNote(path)}${outputPath !== undefined ? `; then OutputPath ${asText(outputPath) ?? 'null'}` : ''}`,
  };
  return [parameters, result, resultPath];
}

function jsonataSteps(state: StateDef, visit: StateVisit, caught: StateDef | undefined, failed: boolean): DataStep[] {
  const output = failed ? caught?.Output : state.Output;
  return [
    step('parameters', 'Arguments', visit.parameters, { expression: state.Arguments }),
    failed ? errorOutput(visit, caught) : step('result', 'Result', visit.result),
    {
      kind: 'result-path',
      label: 'Output',
      recorded: !failed || caught !== undefined,
      expression: output ?? '{% $states.result %}',
      note: output === undefined ? 'JSONata: without Output the result is the output' : 'JSONata Output expression',
    },
  ];
}

/**
 * The data path of one visit of a Task state (the latest when `visitIndex` is omitted);
 * undefined for other state types, whose input and output say it all.
 */
export function dataPathOf(def: AslDefinition, reading: StateReading, visitIndex?: number): DataStep[] | undefined {
  const flat = flattenDefinition(def).find((s) => s.name === reading.name);
  const visit = visitIndex === undefined ? reading.visits.at(-1) : reading.visits[visitIndex];
  if (!flat || flat.state.Type !== 'Task' || !visit) return undefined;
  const state: StateDef = flat.state;
  // A failed last try with no result: the error output took the result's place.
  const failed = visit.result === undefined && visit.error !== undefined;
  const caught = failed ? catcherFor(state, visit.error) : undefined;
  const jsonata = (asString(state.QueryLanguage) ?? def.QueryLanguage) === 'JSONata';
  return [
    step('input', 'State input', visit.input),
    ...(jsonata ? jsonataSteps : jsonPathSteps)(state, visit, caught, failed),
    step('output', 'State output', visit.output),
  ];
}
