/**
 * The narration's memory: which state each event is about, and what that state's visit has
 * done so far (tries, the failure it is carrying, the result it returned). A lighter cousin of
 * the reader's tracker, because narration must also work from events alone (a file opened
 * without its definition) and needs words, not statuses. Events find their state by name
 * (entries, exits, Map iterations), by previousEventId (AWS always sets it), or as the latest
 * open state of the right kind.
 */
import { detailsOf, errorOf, stateNameOf } from './event-details';
import type { KnownMeaning } from './event-kinds';
import type { HistoryEvent } from './types';
import { parsePayload } from '../core/values';
import { asIndex, asString } from './values';

export interface StoryVisit {
  /** its place among the story's visits: the order "latest" means */
  seq: number;
  name: string;
  /** the state's type as its entry event says it: Task, Choice, Map... */
  type: string;
  open: boolean;
  /** tries started (Scheduled events) */
  attempts: number;
  /** the latest failure of this visit, kept after a retry clears it (for "after TransientError") */
  error?: string;
  /** a failure nothing has resolved yet: a retry or a success clears it, an exit means it was caught */
  failing: boolean;
  /** it exited while failing: a Catch took it */
  caught: boolean;
  /** the latest try's result, parsed */
  result?: unknown;
  /** entered inside a Parallel branch or a Map iteration */
  nested: boolean;
  /** Map: items to process */
  itemCount?: number;
}

export interface Story {
  visitOfEvent: Map<number, StoryVisit>;
  visits: StoryVisit[];
  /**
   * The visits that may still be open, in `seq` order; closed ones are dropped when next
   * searched. "The latest open visit" is asked for every event, and searching all visits made
   * that quadratic: a 6,000-item Map took a second to narrate.
   */
  openVisits: StoryVisit[];
  /** the latest visit that ended unfinished when the execution stopped (where a redrive resumes) */
  stoppedAt?: StoryVisit;
  redrives: number;
  input?: unknown;
}

export const newStory = (): Story => ({ visitOfEvent: new Map(), visits: [], openVisits: [], redrives: 0 });

const isContainerType = (type: string) => type === 'Parallel' || type === 'Map';

function latestOpen(story: Story, test: (v: StoryVisit) => boolean): StoryVisit | undefined {
  if (story.openVisits.some((v) => !v.open)) story.openVisits = story.openVisits.filter((v) => v.open);
  return story.openVisits.findLast(test);
}

/** Marks a visit open again and puts it back among the open ones, in its place. */
function reopen(story: Story, visit: StoryVisit) {
  visit.open = true;
  const after = story.openVisits.findLastIndex((v) => v.seq < visit.seq);
  if (story.openVisits[after + 1] !== visit) story.openVisits.splice(after + 1, 0, visit);
}

function enter(story: Story, event: HistoryEvent, name: string): StoryVisit {
  const type = event.type.replace(/StateEntered$/, '');
  const nested = latestOpen(story, (v) => isContainerType(v.type)) !== undefined;
  const visit: StoryVisit = { seq: story.visits.length, name, type, nested, open: true, attempts: 0, failing: false, caught: false };
  story.visits.push(visit);
  story.openVisits.push(visit);
  // A Fail state never exits: entering it is failing.
  if (visit.type === 'Fail') Object.assign(visit, { open: false, failing: true });
  return visit;
}

/**
 * After a redrive the local engine continues an interrupted visit with no new entry event
 * (AWS re-enters): its events then find no open visit, and reopen the one that stopped.
 */
function resumed(story: Story, test: (v: StoryVisit) => boolean): StoryVisit | undefined {
  const stopped = story.stoppedAt;
  if (story.redrives === 0 || !stopped || stopped.open || !test(stopped)) return undefined;
  reopen(story, stopped);
  return stopped;
}

/** The visit an event is about, if any; entries open a new one. */
function visitFor(story: Story, event: HistoryEvent, meaning: KnownMeaning): StoryVisit | undefined {
  const name = stateNameOf(event) ?? (meaning.container === 'Map' ? asString(detailsOf(event)?.name) : undefined);
  if (meaning.kind === 'state-entered') return name === undefined ? undefined : enter(story, event, name);
  if (name !== undefined) {
    const same = (v: StoryVisit) => v.name === name;
    return latestOpen(story, same) ?? resumed(story, same) ?? story.visits.findLast(same);
  }
  if (meaning.container !== undefined) {
    const container = (v: StoryVisit) => v.type === meaning.container;
    return latestOpen(story, container) ?? resumed(story, container);
  }
  const leaf = (v: StoryVisit) => !isContainerType(v.type);
  const previous = typeof event.previousEventId === 'number' ? story.visitOfEvent.get(event.previousEventId) : undefined;
  if (previous?.open && leaf(previous)) return previous;
  return latestOpen(story, leaf) ?? resumed(story, leaf);
}

function endExecution(story: Story) {
  for (const v of story.visits) {
    if (!v.open) continue;
    v.open = false;
    story.stoppedAt = v;
  }
  // A failure nothing caught (a Fail state, or an uncaught Task failure) is where it stopped.
  story.stoppedAt = story.visits.findLast((v) => v.failing) ?? story.stoppedAt;
}

/** Applies one event to the story; returns the visit it is about (undefined for execution-level events). */
export function tell(story: Story, event: HistoryEvent, meaning: KnownMeaning): StoryVisit | undefined {
  const details = detailsOf(event);
  switch (meaning.kind) {
    case 'execution-started':
      story.input = parsePayload(details?.input);
      return undefined;
    case 'execution-succeeded':
    case 'execution-failed':
    case 'execution-aborted':
    case 'execution-timed-out':
      endExecution(story);
      return undefined;
    case 'execution-redriven':
      story.redrives += 1;
      return undefined;
    default:
      break;
  }
  const visit = visitFor(story, event, meaning);
  if (!visit) return undefined;
  story.visitOfEvent.set(event.id, visit);
  switch (meaning.kind) {
    case 'attempt':
    case 'container-started':
      visit.attempts += 1;
      visit.failing = false;
      if (event.type === 'MapStateStarted') visit.itemCount = asIndex(details?.length);
      break;
    case 'attempt-failed':
      visit.attempts += 1;
      Object.assign(visit, { failing: true, error: errorOf(event).error ?? visit.error });
      break;
    case 'failed':
    case 'evaluation-failed':
    case 'container-failed':
      Object.assign(visit, { failing: true, error: errorOf(event).error ?? visit.error });
      break;
    case 'succeeded':
    case 'container-succeeded':
      visit.failing = false;
      visit.result = parsePayload(details?.output);
      break;
    case 'state-exited':
      Object.assign(visit, { open: false, caught: visit.failing, failing: false });
      break;
    case 'aborted':
    case 'container-aborted':
      visit.open = false;
      break;
    default:
      break;
  }
  return visit;
}
