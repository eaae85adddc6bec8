/**
 * What just happened, in plain words, for a room watching an execution: one sentence per
 * history event, or none for events that add nothing a person would say (a Lambda call
 * "started" right after it was scheduled). Pure, over history events; works for any ASL,
 * from events alone, and says more when given the definition (what comes next, which
 * states undo others, what is still to undo). The saga's own steps get the saga's words
 * (lib/saga/step-phrases). No trailing full stops: the line is a caption.
 */
import { buildGraph } from '../asl/graph';
import type { AslDefinition, AslGraph, GraphEdge, GraphNode } from '../asl/types';
import { parseSagaInput } from '../saga/input';
import { sagaDoneBeforeFailing, sagaStepDid, sagaStepUndone, type OrderFacts } from '../saga/step-phrases';
import { compensationsAfter, isCompensationStep, isForwardStep, SAGA_STEPS } from '../saga/steps';
import { detailsOf, errorOf } from './event-details';
import { meaningOf, type EventKind, type KnownEventType } from './event-kinds';
import { newStory, tell, type Story, type StoryVisit } from './narration-story';
import { pathAfter } from './next-path';
import { readExecution } from './read-execution';
import { stillToUndo } from './still-to-undo';
import type { HistoryEvent } from './types';

/** The state machine the events ran on, when known: the narration then says what comes next. */
export interface NarrationMachine {
  definition: AslDefinition;
  /** pass it when already built (the dashboard does, for drawing) */
  graph?: AslGraph;
}

/** Event types that never get a sentence of their own: the event before them said it already. */
export const SILENT_EVENT_TYPES: ReadonlySet<KnownEventType> = new Set<KnownEventType>([
  'ActivityStarted',
  'LambdaFunctionStarted',
  'TaskStarted',
  'TaskSubmitted',
]);

interface Scene {
  story: Story;
  event: HistoryEvent;
  visit?: StoryVisit;
  order?: OrderFacts;
  machine?: Required<NarrationMachine> & { nodes: Map<string, GraphNode>; catchTargets: Set<string> };
  /** the machine is the order saga (its definition has the saga's steps): the order gets named */
  saga: boolean;
  /** the events so far, this one included (the reader needs them for the outcome) */
  seen: readonly HistoryEvent[];
}

/** A state that undoes or handles another's failure: a Catch leads to it (or, without the definition, a saga compensation). */
const isHandler = (s: Scene, name: string): boolean => (s.machine ? s.machine.catchTargets.has(name) : isCompensationStep(name));

/** The Catch a failure with this error takes: the catcher naming it, else the catch-all, else the first. */
function catchTarget(s: Scene, v: StoryVisit): string | undefined {
  // Without the definition, the saga's compensation pairs still know where a saga step's failure goes.
  if (!s.machine) return isForwardStep(v.name) ? compensationsAfter(v.name)[0] : undefined;
  const catches = s.machine.graph.edges.filter((e) => e.source === v.name && e.kind === 'catch');
  const names = (e: GraphEdge) => (e.label ?? '').split(', ');
  const chosen =
    catches.find((e) => v.error !== undefined && names(e).includes(v.error)) ??
    catches.find((e) => names(e).includes('States.ALL')) ??
    catches[0];
  return chosen?.target;
}

const nextClause = (s: Scene, v: StoryVisit): string => {
  const next = s.machine ? pathAfter(s.machine.graph, v.name)[0] : undefined;
  return next === undefined ? '' : `; next: ${next}`;
};

const onAttempt = (v: StoryVisit) => (v.attempts > 1 ? ` on attempt ${String(v.attempts)}` : '');

/** "ProcessPayment charged 49.99, then failed with PaymentFailed" */
function failure(s: Scene, v: StoryVisit): string {
  const with_ = v.error === undefined ? 'failed' : `failed with ${v.error}`;
  const done = sagaDoneBeforeFailing(v.name, v.error, s.order);
  return done ? `${v.name} ${done}, then ${with_}` : `${v.name} ${with_}`;
}

function entered(s: Scene, v: StoryVisit): string {
  switch (v.type) {
    case 'Fail':
      return `Reached ${v.name}: ${v.nested ? 'its branch' : 'the execution'} fails here`;
    case 'Succeed':
      return `Reached ${v.name}: the execution succeeds`;
    case 'Choice':
      return `${v.name} chooses the way on`;
    case 'Wait':
      return `${v.name} waits`;
    case 'Pass':
      return `${v.name} passes its data on`;
    default:
      break;
  }
  if (!isHandler(s, v.name)) return `${v.name} started`;
  const undone = sagaStepUndone(v.name);
  return undone ? `Undoing ${undone}: ${v.name} started` : `Handling the error: ${v.name} started`;
}

function exited(s: Scene, v: StoryVisit): string {
  if (v.caught) {
    const target = catchTarget(s, v);
    if (target === undefined) return `${failure(s, v)}; the error was caught`;
    return `${failure(s, v)}; ${sagaStepUndone(target) ? 'undoing' : 'caught'}: ${target} next`;
  }
  switch (v.type) {
    case 'Choice':
      return `${v.name} chose its branch`;
    case 'Wait':
      return `${v.name} finished waiting${nextClause(s, v)}`;
    case 'Pass':
      return `${v.name} passed its data on${nextClause(s, v)}`;
    // No "next" here: a branch's failure may have sent it to a Catch without an event saying so.
    case 'Parallel':
      return `${v.name}: every branch finished`;
    case 'Map':
      return `${v.name}: every iteration finished`;
    case 'Succeed':
      return `${v.name}: the execution succeeds`;
    default:
      return `${succeeded(s, v)}${nextClause(s, v)}`;
  }
}

const succeeded = (s: Scene, v: StoryVisit): string =>
  `${v.name} ${sagaStepDid(v.name, v.result, s.order) ?? 'succeeded'}${onAttempt(v)}`;

/** How the run ended, in the saga's terms when the definition is known. */
function executionFailed(s: Scene): string {
  const error = errorOf(s.event).error;
  const stopped = s.story.stoppedAt;
  if (s.machine) {
    const reading = readExecution(s.machine.definition, s.seen, s.machine.graph);
    if (reading.sagaOutcome === 'COMPENSATED') {
      return `Rolled back cleanly: everything that ran was undone; the execution ends failed with ${error ?? 'an error'}`;
    }
    const undo = stillToUndo(s.machine.graph, reading);
    if (undo) {
      const left = [undo.failed.state, ...undo.remaining].join(', ');
      return `The rollback stopped: ${undo.failed.state} failed with ${undo.failed.error ?? 'an error'}; still to undo: ${left}; a redrive resumes there`;
    }
  } else if (stopped && isCompensationStep(stopped.name)) {
    return `The rollback stopped: ${failure(s, stopped)}; a redrive resumes there`;
  } else if (stopped?.type === 'Fail' && s.story.visits.some((v) => isCompensationStep(v.name) && !v.failing)) {
    // From events alone: the saga's compensations all ran and the run ended in its Fail state.
    return `Rolled back cleanly: everything that ran was undone; the execution ends failed with ${error ?? 'an error'}`;
  }
  if (stopped?.type === 'Fail') return `The execution failed at ${stopped.name}${error ? ` with ${error}` : ''}`;
  return stopped ? `${failure(s, stopped)}, uncaught: the execution failed` : `The execution failed${error ? ` with ${error}` : ''}`;
}

function executionSucceeded(s: Scene): string {
  if (s.saga && s.machine && readExecution(s.machine.definition, s.seen, s.machine.graph).sagaOutcome === 'COMPLETED') {
    return 'Done: every step succeeded, the order is confirmed';
  }
  return 'The execution succeeded';
}

const whileRunning = (s: Scene) => {
  const stopped = s.story.stoppedAt;
  return stopped && !stopped.failing ? ` while ${stopped.name} ran` : '';
};

function started(s: Scene): string {
  if (!s.saga || !s.order) return 'The execution started';
  const { orderId, quantity, item, amount } = s.order;
  return `${orderId ? `Order ${orderId}` : 'A new order'} started: ${String(quantity)} × ${item} for ${String(amount)}`;
}

const item = (s: Scene) => {
  const index = detailsOf(s.event)?.index;
  return typeof index === 'number' ? `item ${String(index + 1)}` : 'an item';
};

type Narrator = (s: Scene) => string | null;

/** A narrator about one state's visit: an event whose state cannot be found (a cut or foreign history) says nothing. */
const about =
  (words: (s: Scene, v: StoryVisit) => string | null): Narrator =>
  (s) =>
    s.visit ? words(s, s.visit) : null;

/** One entry per kind: a new kind fails to compile until it is given words or declared silent. */
const NARRATORS: Record<EventKind, Narrator> = {
  'execution-started': started,
  'execution-succeeded': executionSucceeded,
  'execution-failed': executionFailed,
  'execution-aborted': (s) => `The execution was stopped${whileRunning(s)}`,
  'execution-timed-out': (s) => `The execution timed out${whileRunning(s)}`,
  'execution-redriven': (s) => {
    const at = s.story.stoppedAt;
    return `Redriven (redrive ${String(s.story.redrives)}): the run resumes${at ? ` at ${at.name}` : ''}`;
  },
  'state-entered': about(entered),
  'state-exited': about(exited),
  // The entry said it started; only a retry is news.
  attempt: about((_s, v) => (v.attempts > 1 ? `${v.name} tries again: attempt ${String(v.attempts)}${v.error ? ` after ${v.error}` : ''}` : null)),
  'attempt-failed': about((s, v) => `${v.name} could not start: ${failure(s, v)}`),
  progress: () => null,
  succeeded: about(succeeded),
  failed: about((s, v) => (s.event.type.endsWith('TimedOut') ? `${v.name} timed out${onAttempt(v)}` : `${failure(s, v)}${onAttempt(v)}`)),
  'evaluation-failed': about((_s, v) => `${v.name} could not evaluate its data: ${v.error ?? 'an error'}`),
  aborted: about((_s, v) => `${v.name} was stopped`),
  'container-started': about((_s, v) =>
    v.type === 'Map' ? `${v.name} runs over ${v.itemCount === undefined ? 'its items' : `${String(v.itemCount)} item${v.itemCount === 1 ? '' : 's'}`}` : `${v.name} runs its branches`,
  ),
  'container-progress': about((s, v) => (s.event.type === 'MapRunAborted' ? `${v.name}: its map run was stopped` : `${v.name} started a map run`)),
  'container-succeeded': about((_s, v) => `${v.name}: every ${v.type === 'Map' ? 'item' : 'branch'} succeeded`),
  'container-failed': about((s, v) => failure(s, v)),
  'container-aborted': about((_s, v) => `${v.name} was stopped`),
  'map-run-redriven': about((_s, v) => `${v.name}: its map run was redriven`),
  'iteration-started': about((s, v) => `${v.name}: ${item(s)} started`),
  'iteration-succeeded': about((s, v) => `${v.name}: ${item(s)} succeeded`),
  'iteration-failed': about((s, v) => `${v.name}: ${item(s)} failed`),
  'iteration-aborted': about((s, v) => `${v.name}: ${item(s)} was stopped`),
};

/** The saga order the execution input describes, when it is one the saga accepts. */
function orderOf(input: unknown): OrderFacts | undefined {
  const parsed = parseSagaInput(input);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * A narrator fed events in history order, for a live stream: `next(event)` is that event's
 * sentence, or null when it adds nothing (silent types, a first try, an unknown type).
 */
export function createNarrator(machine?: NarrationMachine): { next: (event: HistoryEvent) => string | null } {
  const graph = machine ? (machine.graph ?? buildGraph(machine.definition)) : undefined;
  const known =
    machine && graph
      ? {
          definition: machine.definition,
          graph,
          nodes: new Map(graph.nodes.map((n) => [n.id, n])),
          catchTargets: new Set(graph.edges.filter((e) => e.kind === 'catch').map((e) => e.target)),
        }
      : undefined;
  const saga = known !== undefined && SAGA_STEPS.every((step) => known.nodes.has(step));
  const story = newStory();
  const seen: HistoryEvent[] = [];
  let order: OrderFacts | undefined;
  return {
    next(event) {
      seen.push(event);
      const meaning = meaningOf(event.type);
      if (!meaning || SILENT_EVENT_TYPES.has(event.type as KnownEventType)) {
        if (meaning) tell(story, event, meaning);
        return null;
      }
      const visit = tell(story, event, meaning);
      if (meaning.kind === 'execution-started') order = orderOf(story.input);
      return NARRATORS[meaning.kind]({ story, event, visit, order, machine: known, saga, seen });
    },
  };
}

/** Every event's sentence, by position in `events` (null where silent). */
export function narrateEvents(events: readonly HistoryEvent[], machine?: NarrationMachine): Array<string | null> {
  const narrator = createNarrator(machine);
  return events.map((e) => narrator.next(e));
}

export const NOTHING_YET = 'Nothing has happened yet';

/**
 * The sentence saying what just happened as of event id `upTo` (default: the last event):
 * the latest event up to there that has something to say. Events after `upTo` are not read.
 */
export function narrationAt(events: readonly HistoryEvent[], upTo?: number, machine?: NarrationMachine): string {
  const end = upTo === undefined ? events.length : events.findIndex((e) => e.id > upTo);
  const upToEnd = end === -1 ? events : events.slice(0, end);
  return latestSentence(narrateEvents(upToEnd, machine), upToEnd.length);
}

/**
 * What the first `count` events said last, from `narrateEvents` over the whole history:
 * a replay narrates once and then only looks up each position, so seeking costs nothing.
 */
export function latestSentence(sentences: ReadonlyArray<string | null>, count: number): string {
  for (let i = Math.min(count, sentences.length) - 1; i >= 0; i--) {
    const sentence = sentences[i];
    if (sentence) return sentence;
  }
  return NOTHING_YET;
}
