'use client';

import type { ReactNode } from 'react';
import { REPLAY_SPEEDS, speedLabel, type ReplaySpeed } from '@/lib/history/replay';
import type { HistoryEvent } from '@/lib/history/types';
import type { Replay } from './use-replay';
import styles from './replay.module.css';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The replay controls: a slider over the events, step back and forward, play and pause,
 * the speed, and Live. `narration` is shown under the controls (the sentence for the
 * moment shown; the page passes it).
 */
export function ReplayBar({
  replay,
  running,
  narration,
  extra,
}: {
  replay: Replay;
  /** controls the page adds at the end of the row (the execution page's Audience link) */
  extra?: ReactNode;
  /** the execution is still running: the way back to the end is "Live" */
  running: boolean;
  narration?: ReactNode;
}) {
  const { state, count: at, total, shown, dispatch } = replay;
  const current: HistoryEvent | undefined = shown[at - 1];
  const endLabel = running ? 'Live' : 'End';
  return (
    <section className={`card ${styles.bar}`} aria-label="Replay" data-testid="replay-bar" data-replaying={replay.replaying || undefined}>
      <div className={styles.row}>
        <div className={styles.buttons}>
          <button type="button" className={styles.button} onClick={() => dispatch({ type: 'home' })} disabled={at === 0} aria-label="To the start (Home)" title="To the start (Home)" data-testid="replay-home">
            |◀
          </button>
          <button type="button" className={styles.button} onClick={() => dispatch({ type: 'step', by: -1 })} disabled={at === 0} aria-label="Step back (←)" title="Step back (←)" data-testid="replay-back">
            ◀
          </button>
          <button
            type="button"
            className={`${styles.button} ${styles.play}`}
            onClick={() => dispatch({ type: 'toggle' })}
            disabled={total === 0}
            aria-label={state.playing ? 'Pause (space)' : 'Play (space)'}
            title={state.playing ? 'Pause (space)' : 'Play (space)'}
            aria-pressed={state.playing}
            data-testid="replay-play"
          >
            {state.playing ? '⏸' : '▶'}
          </button>
          <button type="button" className={styles.button} onClick={() => dispatch({ type: 'step', by: 1 })} disabled={at >= total} aria-label="Step forward (→)" title="Step forward (→)" data-testid="replay-forward">
            ▶|
          </button>
        </div>
        <input
          type="range"
          className={styles.slider}
          min={0}
          max={total}
          value={at}
          onChange={(event) => dispatch({ type: 'seek', position: Number(event.currentTarget.value) })}
          aria-label="Events shown"
          aria-valuetext={`${at} of ${total} events`}
          data-testid="replay-slider"
        />
        <span className={styles.position} data-testid="replay-position" data-position={at} data-event-id={current?.id} aria-live="polite">
          {at === 0 ? 'Before the first event' : `Event ${count(current?.id ?? at)} · ${current?.type ?? ''}`}
          <span className={styles.muted}> ({count(at)}/{count(total)})</span>
        </span>
        <label className={styles.speed}>
          <span className={styles.muted}>Speed</span>
          <select
            value={String(state.speed)}
            onChange={(event) => {
              const speed = REPLAY_SPEEDS.find((s) => String(s) === event.currentTarget.value) as ReplaySpeed;
              dispatch({ type: 'speed', speed });
            }}
            data-testid="replay-speed"
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={String(s)} value={String(s)}>
                {speedLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={`${styles.button} ${styles.live}`}
          onClick={() => dispatch({ type: 'live' })}
          disabled={!replay.replaying}
          data-live={!replay.replaying && running ? true : undefined}
          title={`Back to ${running ? 'live' : 'the end'} (End)`}
          data-testid="replay-live"
        >
          {running && <span className={styles.dot} aria-hidden="true" />}
          {endLabel}
        </button>
        {extra}
      </div>
      {narration !== undefined && (
        <p className={styles.narration} data-testid="replay-narration">
          {narration}
        </p>
      )}
    </section>
  );
}
