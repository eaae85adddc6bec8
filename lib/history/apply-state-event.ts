/**
 * Events inside a state's visit: tries of a Task (Scheduled/Started/Succeeded/Failed,
 * Lambda and Activity alike), aborts, and the Parallel/Map lifecycle with its iterations.
 */
import {
  detailsOf,
  errorOf,
  isMapRunRedrivenEvent,
  isMapRunStartedEvent,
  isMapStateStartedEvent,
  stateNameOf,
} from './event-details';
import type { EventMeaning } from './event-kinds';
import { endTry, isContainer, newThread, type Ctx, type Tracker, type Visit } from './tracker';
import type { HistoryEvent } from './types';
import { asIndex, asString } from './values';

type At = number | undefined;

function startTry(t: Tracker, v: Visit, at: At) {
  v.starts += 1;
  // A try nothing ended (a lost failure event) is over once the next one starts.
  endTry(v, 'FAILED', at);
  v.tries.push({ startedAt: at, outcome: 'RUNNING' });
  if (v.starts === 1) return;
  // A retry: what the previous try left running inside is over, and its failure is no longer final.
  for (const thread of v.children.values()) t.closeThread(thread, 'cut', at);
  t.dropChildren(v);
  v.pending = false;
  v.failedChild = false;
}

function fail(v: Visit, event: HistoryEvent, at: At) {
  const { error, cause } = errorOf(event);
  v.pending = true;
  v.error = error ?? v.error;
  v.cause = cause ?? v.cause;
  endTry(v, 'FAILED', at, error);
}

/** Map iteration events name the Map and carry the iteration index. */
function iterationOf(event: HistoryEvent): { name?: string; index?: number } {
  const details = detailsOf(event);
  return { name: asString(details?.name), index: asIndex(details?.index) };
}

function applyIteration(
  t: Tracker,
  event: HistoryEvent,
  kind: EventMeaning['kind'],
  ctx: Ctx | undefined,
  at: At,
): Ctx | undefined {
  const { name, index } = iterationOf(event);
  const map = t.container(ctx, 'Map', name);
  if (!map) return ctx;
  t.touch(map);
  if (kind === 'iteration-started') {
    const key = index ?? map.children.size;
    const thread = newThread(map, key);
    t.addChild(map, key, thread);
    return thread.ctx;
  }
  const thread = (index === undefined ? undefined : map.children.get(index)) ?? map.lastChild;
  if (thread) t.closeThread(thread, kind === 'iteration-succeeded' ? 'done' : 'cut', at);
  if (kind === 'iteration-failed') map.failedChild = true;
  return thread ? thread.ctx : map.ctx;
}

/** A redriven map run continues the Map visit that ran it: reopen it unless it was re-entered. */
function redriveMapRun(t: Tracker, event: HistoryEvent, ctx: Ctx | undefined): Visit | undefined {
  const arn = isMapRunRedrivenEvent(event) ? asString(event.mapRunRedrivenEventDetails.mapRunArn) : undefined;
  const current = t.container(ctx, 'Map');
  if (current) return current;
  const previous = t.visits.findLast((v) => v.node?.type === 'Map' && (arn === undefined || v.mapRunArn === arn));
  if (previous) t.reopen(previous);
  return previous;
}

/** No open visit: after a redrive, the unfinished state of the same kind runs again. */
function resume(t: Tracker, ctx: Ctx | undefined, container: EventMeaning['container'], at: At): Visit | undefined {
  const candidate = t.resumable(ctx);
  if (!candidate) return undefined;
  const fits = container === undefined ? !isContainer(candidate) : isContainer(candidate, container);
  return fits ? t.rerun(candidate, at) : undefined;
}

export function applyStateEvent(
  t: Tracker,
  event: HistoryEvent,
  meaning: EventMeaning,
  ctx: Ctx | undefined,
  at: At,
): Ctx | undefined {
  const { kind, container } = meaning;
  if (kind.startsWith('iteration-')) return applyIteration(t, event, kind, ctx, at);
  if (kind === 'map-run-redriven') {
    const map = redriveMapRun(t, event, ctx);
    return map ? map.ctx : ctx;
  }
  const isLeafEvent = container === undefined;
  const open = isLeafEvent
    ? kind === 'evaluation-failed'
      ? t.named(ctx, stateNameOf(event) ?? '') ?? t.leaf(ctx)
      : t.leaf(ctx)
    : t.container(ctx, container);
  const v = open ?? resume(t, ctx, container, at);
  if (!v) return ctx;
  t.touch(v);
  switch (kind) {
    case 'attempt': {
      startTry(t, v, at);
      // The call as resolved: Parameters/Arguments applied to the input (lambda:invoke, SDK and Activity alike).
      const details = detailsOf(event);
      v.parameters = t.payload(details?.parameters ?? details?.input);
      break;
    }
    case 'container-started':
      startTry(t, v, at);
      if (isMapStateStartedEvent(event)) v.itemCount = asIndex(event.mapStateStartedEventDetails.length);
      break;
    case 'attempt-failed':
      startTry(t, v, at);
      fail(v, event, at);
      break;
    case 'failed':
    case 'evaluation-failed':
    case 'container-failed':
      fail(v, event, at);
      break;
    case 'succeeded':
      v.result = t.payload(detailsOf(event)?.output);
      v.pending = false;
      v.failedChild = false;
      endTry(v, 'SUCCEEDED', at);
      break;
    case 'container-succeeded':
      v.pending = false;
      v.failedChild = false;
      endTry(v, 'SUCCEEDED', at);
      break;
    case 'aborted':
    case 'container-aborted':
      t.close(v, t.settle(v, 'cut'), at);
      break;
    case 'container-progress':
      if (isMapRunStartedEvent(event)) v.mapRunArn = asString(event.mapRunStartedEventDetails.mapRunArn);
      break;
    default:
      // 'progress' (Started, Submitted) only tells us the visit is alive.
      break;
  }
  return v.ctx;
}
