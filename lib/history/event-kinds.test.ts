import { HistoryEventType } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { detailsKeyOf } from '../core/events';
import { EVENT_MEANINGS, meaningOf } from './event-kinds';
import { loadFixtures } from './testing/fixtures';

describe('event kinds', () => {
  it('knows exactly the SDK\'s event types (a new AWS type fails here, not at run time)', () => {
    expect(Object.keys(EVENT_MEANINGS).sort()).toEqual(Object.values(HistoryEventType).sort());
  });

  it('ignores unknown and non-string types', () => {
    expect(meaningOf('SomethingNew')).toBeUndefined();
    expect(meaningOf(42)).toBeUndefined();
    expect(meaningOf('toString')).toBeUndefined();
  });

  it('finds the details property AWS actually writes, on every recorded event', () => {
    const standard = new Set(['id', 'previousEventId', 'timestamp', 'type']);
    for (const { events } of loadFixtures()) {
      for (const event of events) {
        for (const key of Object.keys(event).filter((k) => !standard.has(k))) expect(key).toBe(detailsKeyOf(event.type));
      }
    }
  });
});
