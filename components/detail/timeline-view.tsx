'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { ExecutionReading } from '@/lib/history/types';
import { axisTicks, buildTimeline, type TimelineBar } from '@/lib/history/timeline';
import { formatDuration } from '@/components/ui/format';
import { STATUS_LABEL, STATUS_VAR, StatusIcon } from '@/components/graph/status';
import styles from './detail.module.css';
import { Segmented } from './segmented';
import type { Selection } from './selection';

const ROW_HEIGHT = 30;
const MAX_TICKS = 8;

/** The axis spans the whole run, or only the rows on screen (zoom in on a long history). */
type Scale = 'run' | 'view';

/** Ticks fall on round steps: "5 min" reads better than "5 min 0 s". */
const axisLabel = (offset: number) =>
  offset >= 60_000 && offset % 60_000 === 0 ? `${offset / 60_000} min` : formatDuration(offset);

function describe(bar: TimelineBar): string {
  const failedTries = bar.segments.filter((s) => s.kind === 'try' && s.outcome === 'FAILED').length;
  const backoff = bar.segments.reduce((sum, s) => (s.kind === 'backoff' ? sum + s.to - s.from : sum), 0);
  return [
    `${bar.state}${bar.iteration !== undefined ? ` #${bar.iteration}` : ''}`,
    STATUS_LABEL[bar.status],
    bar.role === 'compensation' ? 'compensation' : undefined,
    bar.open ? 'running' : formatDuration(bar.end - bar.start),
    bar.attempts > 1 ? `${bar.attempts} tries${failedTries > 0 ? `, ${failedTries} failed` : ''}` : undefined,
    backoff > 0 ? `backoff ${formatDuration(backoff)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

function Legend() {
  return (
    <ul className={styles.legend} aria-label="Timeline legend">
      <li>
        <span className={styles.swatch} data-kind="forward" aria-hidden="true" /> forward step
      </li>
      <li>
        <span className={styles.swatch} data-kind="compensation" aria-hidden="true" /> compensation
      </li>
      <li>
        <span className={styles.swatch} data-kind="failed-try" aria-hidden="true" /> failed try
      </li>
      <li>
        <span className={styles.swatch} data-kind="backoff" aria-hidden="true" /> retry backoff
      </li>
      <li>
        <span className={styles.failMark} aria-hidden="true">
          ✕
        </span>{' '}
        failed visit
      </li>
    </ul>
  );
}

/**
 * A Gantt chart of the execution: one row per state visit, in start order. Rows are
 * windowed, so a 25,000-event history (thousands of visits) scrolls like a short one.
 */
export function TimelineView({
  reading,
  until,
  selected,
  onSelect,
  runEnd,
}: {
  reading: ExecutionReading;
  /** the newest event's time: where a running visit's bar ends */
  until: number | undefined;
  /** replaying: the whole run's last event time; the axis spans the run and a cursor marks `until` */
  runEnd?: number;
  selected: Selection | undefined;
  onSelect: (selection: Selection) => void;
}) {
  const timeline = useMemo(() => buildTimeline(reading, until), [reading, until]);
  const { bars } = timeline;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState<Scale>('run');
  const [hovered, setHovered] = useState<TimelineBar>();
  const virtualizer = useVirtualizer({
    count: bars.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();

  let from = timeline.from;
  let to = runEnd === undefined ? timeline.to : Math.max(timeline.to, runEnd);
  if (scale === 'view') {
    // Only rows actually on screen, not the overscan rendered around them.
    const top = virtualizer.scrollOffset ?? 0;
    const bottom = top + (virtualizer.scrollRect?.height ?? 0);
    const onScreen = items.filter((i) => i.end > top && i.start < bottom).map((i) => bars[i.index] as TimelineBar);
    if (onScreen.length > 0) {
      from = Math.min(...onScreen.map((b) => b.start));
      to = Math.max(...onScreen.map((b) => b.end));
    }
  }
  const span = Math.max(1, to - from);
  const pct = (t: number) => ((t - from) / span) * 100;
  // A selection without a visit means the state's latest one, as in the state panel.
  const latestVisit = (state: string) => (reading.states[state]?.visits.length ?? 0) - 1;
  const ticks = axisTicks(from - timeline.from, to - timeline.from, MAX_TICKS);
  const tickLeft = (offset: number) => `${pct(timeline.from + offset)}%`;

  if (bars.length === 0) {
    return (
      <p className={styles.empty} data-testid="timeline-empty">
        {timeline.untimed > 0
          ? 'This history has no readable timestamps, so its steps cannot be placed on a time axis.'
          : 'No state has started yet.'}
      </p>
    );
  }

  return (
    <div className={styles.timeline} data-testid="timeline">
      <div className={styles.toolbar}>
        <Legend />
        <Segmented label="Time axis" options={['run', 'view'] as const} value={scale} testId="timeline-scale" onChange={setScale}>
          {(s) => (s === 'run' ? 'Whole run' : 'Rows in view')}
        </Segmented>
      </div>
      <p className={styles.readout} data-testid="timeline-readout">
        {hovered ? describe(hovered) : `${bars.length.toLocaleString('en-US')} visits · hover or focus a bar for details, click it to inspect the state`}
        {timeline.untimed > 0 && ` · ${timeline.untimed} without times not shown`}
      </p>
      <div className={styles.ganttHead} aria-hidden="true">
        <span className={styles.ganttLabel}>State</span>
        <div className={styles.axis}>
          {ticks.map((t) => (
            <span key={t} className={styles.tick} style={{ left: tickLeft(t) }}>
              {axisLabel(t)}
            </span>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className={styles.ganttScroll} role="list" aria-label="State visits over time">
        <div className={styles.ganttInner} style={{ height: virtualizer.getTotalSize() }}>
          <div className={styles.gridLines} aria-hidden="true">
            {ticks.map((t) => (
              <span key={t} style={{ left: tickLeft(t) }} />
            ))}
            {runEnd !== undefined && until !== undefined && (
              <span className={styles.cursor} style={{ left: `${pct(until)}%` }} data-testid="timeline-cursor" data-at={until} />
            )}
          </div>
          {items.map((item) => {
            const bar = bars[item.index] as TimelineBar;
            const left = pct(bar.start);
            const width = Math.max(0, pct(bar.end) - left);
            const barSpan = Math.max(1, bar.end - bar.start);
            const isSelected = selected?.state === bar.state;
            return (
              <div
                key={item.key}
                role="listitem"
                className={styles.ganttRow}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                data-selected={isSelected || undefined}
              >
                <span className={styles.ganttLabel} data-tone={STATUS_VAR[bar.status]}>
                  <StatusIcon status={bar.status} size={15} />
                  <span className={styles.ganttName}>{bar.state}</span>
                  {bar.iteration !== undefined && <span className={styles.ganttMeta}>#{bar.iteration}</span>}
                  {bar.attempts > 1 && <span className={styles.ganttMeta}>×{bar.attempts}</span>}
                </span>
                <div className={styles.track}>
                  <button
                    type="button"
                    className={styles.bar}
                    style={{ left: `${left}%`, width: `${width}%` }}
                    data-testid="timeline-bar"
                    data-state={bar.state}
                    data-role={bar.role}
                    data-status={bar.status}
                    data-tone={STATUS_VAR[bar.status]}
                    data-current={(isSelected && (selected.visit ?? latestVisit(bar.state)) === bar.visit) || undefined}
                    aria-label={describe(bar)}
                    onClick={() => onSelect({ state: bar.state, visit: bar.visit })}
                    onMouseEnter={() => setHovered(bar)}
                    onMouseLeave={() => setHovered(undefined)}
                    onFocus={() => setHovered(bar)}
                    onBlur={() => setHovered(undefined)}
                  >
                    {bar.segments.map((s) => (
                      <span
                        key={`${s.kind}-${s.from}`}
                        className={styles.segmentMark}
                        data-kind={s.kind === 'backoff' ? 'backoff' : s.outcome === 'FAILED' ? 'failed-try' : 'try'}
                        data-testid={s.kind === 'backoff' ? 'timeline-backoff' : 'timeline-try'}
                        style={{ left: `${((s.from - bar.start) / barSpan) * 100}%`, width: `${((s.to - s.from) / barSpan) * 100}%` }}
                      />
                    ))}
                  </button>
                  {bar.status === 'FAILED' && (
                    <span className={styles.failMark} style={{ left: `${left + width}%` }} aria-hidden="true">
                      ✕
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
