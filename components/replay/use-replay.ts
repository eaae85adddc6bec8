'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  initialReplay,
  playDelayMs,
  positionOfEventId,
  replayReducer,
  shownCount,
  type ReplayAction,
  type ReplayState,
} from '@/lib/history/replay';
import type { HistoryEvent } from '@/lib/history/types';
import type { PayloadCache } from '@/lib/history/tracker';
import type { AslDefinition, AslGraph } from '@/lib/asl/types';
import type { ExecutionDetail } from '@/lib/history/read-execution';
import { ReplayReader } from '@/lib/history/replay-reader';
import { toEpochMs } from '@/lib/core/values';

export type Replay = {
  state: ReplayState;
  /** events shown: 1..count of the history */
  shown: readonly HistoryEvent[];
  count: number;
  total: number;
  /** replaying a moment (not following the end of the history) */
  replaying: boolean;
  dispatch: (action: ReplayAction) => void;
};

/** How long the position must stay put before the URL is rewritten. */
const URL_SETTLE_MS = 300;

const KEYS: Partial<Record<string, ReplayAction>> = {
  ArrowLeft: { type: 'step', by: -1 },
  ArrowRight: { type: 'step', by: 1 },
  Home: { type: 'home' },
  End: { type: 'live' },
  ' ': { type: 'toggle' },
};

const OWN_KEYS = '[role="tablist"], [role="radiogroup"], [role="listbox"], [role="menu"], [role="grid"], [data-testid="event-scroll"]';

/** Keys never taken from a field being typed in, nor from a control that uses them itself. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="slider"]') !== null;
}

/**
 * The replay of a history that may still grow (live). `initialAt` is the `?at=` event id; the
 * URL keeps the moment shown, so a copied link opens it. Plays on a timer from the events'
 * own timestamps; ←/→, space, Home and End drive it from anywhere but a text field.
 */
export function useReplay(events: readonly HistoryEvent[], initialAt: number | undefined): Replay {
  const total = events.length;
  const [state, setState] = useState<ReplayState>(() => {
    const position = initialAt === undefined ? undefined : positionOfEventId(events, initialAt);
    return initialReplay(position !== undefined && position < total ? position : undefined);
  });
  const totalRef = useRef(total);
  useEffect(() => {
    totalRef.current = total;
  }, [total]);
  const dispatch = useCallback((action: ReplayAction) => {
    setState((s) => replayReducer(s, action, totalRef.current));
  }, []);
  const count = shownCount(state, total);
  const shown = useMemo(() => (count === total ? events : events.slice(0, count)), [events, count, total]);

  // Play: one event per timer, the wait taken from the recorded gap and the speed.
  useEffect(() => {
    if (!state.playing) return;
    const delay = playDelayMs(events, count, state.speed);
    if (delay === undefined) return;
    const timer = setTimeout(() => dispatch({ type: 'tick' }), delay);
    return () => clearTimeout(timer);
  }, [state.playing, state.speed, count, events, dispatch]);

  // The URL says which moment is shown (replaceState: scrubbing must not fill the back
  // button), once the position settles: the router re-renders on every URL change, which
  // a drag across thousands of events must not pay for at each step.
  const atId = state.following ? undefined : (events[count - 1]?.id ?? 0);
  useEffect(() => {
    const timer = setTimeout(() => {
      const url = new URL(window.location.href);
      const next = atId === undefined ? null : String(atId);
      if (url.searchParams.get('at') === next) return;
      if (next === null) url.searchParams.delete('at');
      else url.searchParams.set('at', next);
      window.history.replaceState(window.history.state, '', url);
    }, URL_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [atId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const action = KEYS[event.key];
      if (!action) return;
      // Space on a focused button would also press it: leave buttons their own space.
      if (event.key === ' ' && event.target instanceof HTMLElement && event.target.closest('button, a')) return;
      // Widgets that move with these keys themselves (tabs, segmented choices, the scrolling
      // event table) keep them.
      if (event.key !== ' ' && event.target instanceof HTMLElement && event.target.closest(OWN_KEYS)) return;
      event.preventDefault();
      dispatch(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);

  return { state, shown, count, total, replaying: !state.following, dispatch };
}

/**
 * Runs `work` in idle time, slice by slice, until it says it is done: requestIdleCallback
 * where the browser has it (Safari does not), else short timer slices. Returns a cancel.
 */
function whenIdle(work: (more: () => boolean) => boolean): () => void {
  let cancel = () => {};
  const schedule = () => {
    if ('requestIdleCallback' in window) {
      const handle = requestIdleCallback((deadline) => {
        if (!work(() => deadline.timeRemaining() > IDLE_RESERVE_MS)) schedule();
      });
      cancel = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(() => {
        const end = performance.now() + IDLE_SLICE_MS;
        if (!work(() => performance.now() < end)) schedule();
      }, IDLE_GAP_MS);
      cancel = () => clearTimeout(handle);
    }
  };
  schedule();
  return () => cancel();
}

/**
 * Idle time left that a step of work may start in: the reader's steps are a fraction of a
 * millisecond, but one that takes a checkpoint copies its visits (a few ms at 25,000
 * events), and overrunning the idle period would delay the next frame of a drag.
 */
const IDLE_RESERVE_MS = 6;
/** Without requestIdleCallback: slices this long, this far apart (a frame's spare time, then a few frames). */
const IDLE_SLICE_MS = 8;
const IDLE_GAP_MS = 50;

/**
 * The reading of the events shown: the whole run's (already read) while following, else
 * the reader over events 1..N, taken from the nearest checkpoint (see ReplayReader) so a
 * seek reads a few hundred events, not all of them; with the run's end time, so the
 * timeline's axis keeps the whole run and its cursor moves across it.
 */
export function useReplayDetail(
  definition: AslDefinition,
  graph: AslGraph,
  replay: Replay,
  whole: ExecutionDetail,
  allEvents: readonly HistoryEvent[],
  /**
   * Take the reader's checkpoints in idle time, so that no seek waits for the reader to walk
   * up to it: for a history that no longer grows (a new batch would make a new reader).
   */
  readAhead = false,
): { detail: ExecutionDetail; replay: { runEnd: number | undefined } | undefined } {
  const { replaying, count } = replay;
  // Parsed payloads, kept across this page's reads of the history (see PayloadCache).
  const [payloads] = useState<PayloadCache>(() => new Map());
  // Made per history; it reads nothing until the first seek, or until idle time when reading ahead.
  const reader = useMemo(() => new ReplayReader(definition, allEvents, graph, payloads), [definition, allEvents, graph, payloads]);
  useEffect(() => (readAhead ? whenIdle((more) => reader.readAhead(more)) : undefined), [readAhead, reader]);
  const detail = useMemo(() => (replaying ? reader.at(count) : whole), [replaying, reader, count, whole]);
  const runEnd = toEpochMs(allEvents.at(-1)?.timestamp);
  const marks = useMemo(() => (replaying ? { runEnd } : undefined), [replaying, runEnd]);
  return { detail, replay: marks };
}
