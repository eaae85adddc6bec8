import { describe, expect, it } from 'vitest';
import {
  initialReplay,
  MAX_PLAY_GAP_MS,
  parseAtParam,
  playDelayMs,
  positionOfEventId,
  replayReducer,
  shownCount,
  STEP_MS,
  type ReplayAction,
  type ReplayState,
} from './replay';
import type { HistoryEvent } from './types';

const at = (id: number, ms: number): HistoryEvent => ({ id, type: 'PassStateEntered', timestamp: new Date(ms) });
const run = (state: ReplayState, total: number, ...actions: ReplayAction[]) =>
  actions.reduce((s, a) => replayReducer(s, a, total), state);

describe('replay state', () => {
  it('follows every event while live, and new ones as they arrive', () => {
    const live = initialReplay();
    expect(shownCount(live, 10)).toBe(10);
    expect(shownCount(live, 12)).toBe(12);
  });

  it('stops following when moved back, and one action returns to live', () => {
    const back = run(initialReplay(), 10, { type: 'step', by: -1 });
    expect(back).toMatchObject({ following: false, position: 9 });
    // New events arrive: the replay stays where it was.
    expect(shownCount(back, 15)).toBe(9);
    const live = run(back, 15, { type: 'live' });
    expect(live.following).toBe(true);
    expect(shownCount(live, 20)).toBe(20);
  });

  it('clamps seeks and steps to 0..total; reaching the end follows again', () => {
    expect(run(initialReplay(3), 10, { type: 'seek', position: -5 }).position).toBe(0);
    expect(run(initialReplay(3), 10, { type: 'step', by: -1 }, { type: 'step', by: -1 }, { type: 'step', by: -1 }, { type: 'step', by: -1 }).position).toBe(0);
    expect(run(initialReplay(3), 10, { type: 'seek', position: 99 })).toMatchObject({ following: true, position: 10 });
    expect(run(initialReplay(9), 10, { type: 'step', by: 1 }).following).toBe(true);
    expect(run(initialReplay(9), 10, { type: 'home' })).toMatchObject({ position: 0, following: false });
  });

  it('plays one event per tick and stops, following, at the end', () => {
    let s = run(initialReplay(8), 10, { type: 'toggle' });
    expect(s.playing).toBe(true);
    s = run(s, 10, { type: 'tick' });
    expect(s).toMatchObject({ position: 9, playing: true, following: false });
    s = run(s, 10, { type: 'tick' });
    expect(s).toMatchObject({ position: 10, playing: false, following: true });
    // A tick that arrives after pause changes nothing.
    expect(run(initialReplay(4), 10, { type: 'tick' }).position).toBe(4);
  });

  it('play at the end starts from the beginning; pause keeps the place', () => {
    const s = run(initialReplay(), 10, { type: 'toggle' });
    expect(s).toMatchObject({ playing: true, position: 0, following: false });
    expect(run(s, 10, { type: 'tick' }, { type: 'tick' }, { type: 'toggle' })).toMatchObject({ playing: false, position: 2 });
  });

  it('scrubbing while playing pauses', () => {
    const s = run(initialReplay(2), 10, { type: 'toggle' }, { type: 'seek', position: 5 });
    expect(s).toMatchObject({ playing: false, position: 5 });
  });
});

describe('playDelayMs', () => {
  const events = [at(1, 0), at(2, 400), at(3, 60_000), { id: 4, type: 'PassStateExited' } as HistoryEvent];

  it('waits the recorded gap divided by the speed', () => {
    expect(playDelayMs(events, 1, 'real')).toBe(400);
    expect(playDelayMs(events, 1, 2)).toBe(200);
    expect(playDelayMs(events, 1, 8)).toBe(50);
  });

  it('caps long gaps, plays untimed events one per second, and step speed is one per second', () => {
    expect(playDelayMs(events, 2, 'real')).toBe(MAX_PLAY_GAP_MS);
    expect(playDelayMs(events, 3, 'real')).toBe(STEP_MS);
    expect(playDelayMs(events, 1, 'step')).toBe(STEP_MS);
    expect(playDelayMs(events, 4, 'real')).toBeUndefined();
  });
});

describe('?at=', () => {
  it('finds the position through an event id and refuses what is not one', () => {
    const events = [at(1, 0), at(2, 1), at(5, 2)];
    expect(positionOfEventId(events, 2)).toBe(2);
    expect(positionOfEventId(events, 5)).toBe(3);
    expect(positionOfEventId(events, 4)).toBeUndefined();
    expect(parseAtParam('17')).toBe(17);
    for (const bad of ['0', '-1', '1.5', 'x', '', null, undefined, '99999999']) expect(parseAtParam(bad)).toBeUndefined();
  });
});
