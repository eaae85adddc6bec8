'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  AWS_HISTORY_LIMIT,
  EVENT_FILTERS,
  type EventFilter,
  eventSummary,
  filterEvents,
  historySize,
  isFailureEvent,
} from '@/lib/history/event-table';
import type { EventPlace } from '@/lib/history/read-execution';
import type { StateRole } from '@/lib/asl/types';
import type { ExecutionReading, HistoryEvent } from '@/lib/history/types';
import { toEpochMs } from '@/lib/core/values';
import { formatTime } from '@/components/ui/format';
import styles from './detail.module.css';
import { Segmented } from './segmented';
import type { Selection } from './selection';

const ROW_HEIGHT = 32;

const FILTER_LABEL: Record<EventFilter, string> = {
  all: 'All',
  failures: 'Failures only',
  compensation: 'Compensation only',
};

const count = (n: number) => n.toLocaleString('en-US');

function LimitNote({ total }: { total: number }) {
  const size = historySize(total);
  if (size === 'ok') return null;
  return (
    <p className={styles.limitWarning} role="note" data-testid="event-limit-warning" data-size={size}>
      {size === 'at-limit'
        ? `At AWS's limit of ${count(AWS_HISTORY_LIMIT)} events: an execution that needs more fails. Split the work (a distributed Map or child executions).`
        : `Close to AWS's limit of ${count(AWS_HISTORY_LIMIT)} events per execution: past it, the execution fails.`}
    </p>
  );
}

/**
 * Every history event, windowed: only the rows on screen are in the DOM, so 25,000
 * events scroll smoothly. Filters keep failures or the compensation path's events.
 */
export function EventTable({
  events,
  places,
  reading,
  selected,
  onSelect,
  current,
}: {
  events: readonly HistoryEvent[];
  places: ReadonlyArray<EventPlace | undefined>;
  reading: ExecutionReading;
  selected: Selection | undefined;
  onSelect: (selection: Selection) => void;
  /** replaying: the position (in `events`) of the event shown as "now", highlighted and kept in view */
  current?: number;
}) {
  const [filter, setFilter] = useState<EventFilter>('all');
  const scrollRef = useRef<HTMLDivElement>(null);
  const lists = useMemo(() => {
    const roleOf = (state: string) => reading.states[state]?.role;
    return {
      all: filterEvents(events, places, roleOf, 'all'),
      failures: filterEvents(events, places, roleOf, 'failures'),
      compensation: filterEvents(events, places, roleOf, 'compensation'),
    } satisfies Record<EventFilter, number[]>;
  }, [events, places, reading]);
  const rows = lists[filter];
  const startedAt = reading.startedAt ?? toEpochMs(events[0]?.timestamp);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  // The replayed moment's row stays in view as the replay moves.
  const currentRow = current === undefined ? -1 : rows.indexOf(current);
  useEffect(() => {
    if (currentRow >= 0) virtualizer.scrollToIndex(currentRow, { align: 'auto' });
  }, [currentRow, virtualizer]);

  return (
    <div className={styles.events} data-testid="event-table">
      <div className={styles.toolbar}>
        <Segmented
          label="Show events"
          options={EVENT_FILTERS}
          value={filter}
          testId="event-filter"
          onChange={(f) => {
            setFilter(f);
            scrollRef.current?.scrollTo({ top: 0 });
          }}
        >
          {(f) => (
            <>
              {FILTER_LABEL[f]} <span className={styles.segmentCount}>{count(lists[f].length)}</span>
            </>
          )}
        </Segmented>
        <p className={styles.eventCount} data-testid="event-table-count" data-count={events.length}>
          {count(events.length)} of {count(AWS_HISTORY_LIMIT)} events
        </p>
      </div>
      <LimitNote total={events.length} />
      <div className={styles.table} role="table" aria-label="History events" aria-rowcount={rows.length + 1}>
        <div role="rowgroup" className={styles.tableHead}>
          <div role="row" className={styles.eventRow} aria-rowindex={1}>
            <span role="columnheader">ID</span>
            <span role="columnheader">Type</span>
            <span role="columnheader">State</span>
            <span role="columnheader">Time (since start)</span>
            <span role="columnheader">Detail</span>
          </div>
        </div>
        {rows.length === 0 && (
          <p className={styles.empty} data-testid="event-table-empty">
            No {filter === 'failures' ? 'failure' : 'compensation'} events in this execution.
          </p>
        )}
        {/* Focusable, so the arrow keys and Page Up/Down scroll it. */}
        <div ref={scrollRef} className={styles.tableScroll} role="rowgroup" tabIndex={0} data-testid="event-scroll">
          <div className={styles.tableInner} style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const position = rows[item.index] as number;
              const place = places[position];
              return (
                <EventRow
                  key={item.key}
                  event={events[position] as HistoryEvent}
                  place={place}
                  role={place && reading.states[place.state]?.role}
                  rowIndex={item.index + 2}
                  top={item.start}
                  startedAt={startedAt}
                  selected={place !== undefined && place.state === selected?.state}
                  current={position === current}
                  onSelect={onSelect}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

function EventRow({
  event,
  place,
  role,
  rowIndex,
  top,
  startedAt,
  selected,
  current,
  onSelect,
}: {
  event: HistoryEvent;
  place: EventPlace | undefined;
  role: StateRole | undefined;
  rowIndex: number;
  top: number;
  startedAt: number | undefined;
  selected: boolean;
  current: boolean;
  onSelect: (selection: Selection) => void;
}) {
  const at = toEpochMs(event.timestamp);
  const failure = isFailureEvent(event.type);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={styles.eventRow}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      data-testid="event-row"
      data-type={event.type}
      data-failure={failure || undefined}
      data-role={role}
      data-selected={selected || undefined}
      data-current={current || undefined}
      aria-current={current || undefined}
    >
      <span role="cell" className={styles.num}>
        {event.id}
      </span>
      <span role="cell" className={styles.eventType}>
        {failure && <span aria-hidden="true">✕ </span>}
        {event.type}
      </span>
      <span role="cell">
        {place ? (
          <button type="button" className={styles.linkButton} onClick={() => onSelect(place)}>
            {place.state}
          </button>
        ) : (
          '—'
        )}
      </span>
      <span role="cell" className={styles.num}>
        {formatTime(at)}
        {at !== undefined && startedAt !== undefined && <span className={styles.offset}> +{count(at - startedAt)} ms</span>}
      </span>
      <span role="cell" className={styles.detailCell}>
        {eventSummary(event)}
      </span>
    </div>
  );
}
