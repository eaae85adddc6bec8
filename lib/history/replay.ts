/**
 * Replay: which prefix of a history is shown, and when the next event plays. Pure: the
 * page keeps a ReplayState, feeds it actions, and reads events 1..position through the
 * ordinary reader, so a replayed moment is exactly what the reader says of that prefix
 * (the same as `npm run -s inspect -- FILE --at N`).
 */
import { toEpochMs } from '../core/values';
import type { HistoryEvent } from './types';

export const REPLAY_SPEEDS = ['real', 2, 4, 8, 'step'] as const;
/** 'real': the recorded gaps; 2/4/8: that many times faster; 'step': one event per second. */
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export type ReplayState = {
  /** events shown, 0..total; ignored while following */
  position: number;
  /** showing every event there is, and each new one as it arrives */
  following: boolean;
  playing: boolean;
  speed: ReplaySpeed;
};

export type ReplayAction =
  | { type: 'seek'; position: number }
  | { type: 'step'; by: 1 | -1 }
  | { type: 'home' }
  | { type: 'live' }
  | { type: 'toggle' }
  | { type: 'speed'; speed: ReplaySpeed }
  /** the play timer fired: one event further */
  | { type: 'tick' };

export const initialReplay = (position?: number): ReplayState =>
  position === undefined
    ? { position: 0, following: true, playing: false, speed: 'real' }
    : { position, following: false, playing: false, speed: 'real' };

/** Events shown out of `total`. */
export const shownCount = (state: ReplayState, total: number): number =>
  state.following ? total : Math.max(0, Math.min(total, state.position));

/**
 * The next state for `total` events known. Moving back stops following and playing;
 * reaching the end (by a seek, a step or play) follows again, so a running execution's
 * new events appear as they come.
 */
export function replayReducer(state: ReplayState, action: ReplayAction, total: number): ReplayState {
  const at = shownCount(state, total);
  const moveTo = (position: number, playing = false): ReplayState => {
    const p = Math.max(0, Math.min(total, Math.round(position)));
    return p >= total ? { ...state, position: total, following: true, playing: false } : { ...state, position: p, following: false, playing };
  };
  switch (action.type) {
    case 'seek':
      return moveTo(action.position);
    case 'step':
      return moveTo(at + action.by);
    case 'home':
      return moveTo(0);
    case 'live':
      return moveTo(total);
    case 'toggle':
      if (state.playing) return { ...state, playing: false, position: at };
      // Play from the start when at the end: replaying a finished run is the common case.
      return { ...state, following: false, playing: true, position: at >= total ? 0 : at };
    case 'speed':
      return { ...state, speed: action.speed };
    case 'tick':
      return state.playing ? moveTo(at + 1, true) : state;
  }
}

/** The longest pause between two played events: a five-minute backoff must not stall a room. */
export const MAX_PLAY_GAP_MS = 3_000;
/** 'step' speed: one event per second, whatever the recorded gaps. */
export const STEP_MS = 1_000;

/**
 * How long to wait before showing the event after the first `position` ones: the recorded
 * gap to it, divided by the speed, capped at MAX_PLAY_GAP_MS. Events without timestamps play
 * one per STEP_MS. undefined when there is no next event.
 */
export function playDelayMs(events: readonly HistoryEvent[], position: number, speed: ReplaySpeed): number | undefined {
  const next = events[position];
  if (!next) return undefined;
  if (speed === 'step') return STEP_MS;
  const prev = events[position - 1];
  const from = toEpochMs(prev?.timestamp);
  const to = toEpochMs(next.timestamp);
  if (from === undefined || to === undefined) return STEP_MS;
  const factor = speed === 'real' ? 1 : speed;
  return Math.min(MAX_PLAY_GAP_MS, Math.max(0, to - from) / factor);
}

/** `?at=<eventId>` → how many events to show (through that event); undefined when no event has that id. */
export function positionOfEventId(events: readonly HistoryEvent[], id: number): number | undefined {
  const index = events.findIndex((e) => e.id === id);
  return index < 0 ? undefined : index + 1;
}

/** Parses the `at` query value: a positive whole event id, or undefined. */
export function parseAtParam(value: string | null | undefined): number | undefined {
  if (value == null || !/^[1-9]\d{0,6}$/.test(value)) return undefined;
  return Number(value);
}

export const speedLabel = (speed: ReplaySpeed): string =>
  speed === 'real' ? 'Real time' : speed === 'step' ? '1 step/s' : `${speed}×`;
