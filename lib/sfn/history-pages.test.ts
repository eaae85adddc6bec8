import { describe, expect, it } from 'vitest';
import { readWholeHistory, type FetchHistoryPage } from './history-pages';

type Event = { id: number };

/** A paged history as the engine serves it: a token is the last id returned, pages of `size`. */
function pager(total: () => number, size: number) {
  const calls: { reverseOrder: boolean; nextToken?: string }[] = [];
  const fetchPage: FetchHistoryPage<Event> = async (options) => {
    calls.push(options);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const all = Array.from({ length: total() }, (_, i) => ({ id: i + 1 }));
    const after = options.nextToken === undefined ? undefined : Number(options.nextToken);
    const rest = options.reverseOrder
      ? all.filter((e) => after === undefined || e.id < after).reverse()
      : all.filter((e) => after === undefined || e.id > after);
    const events = rest.slice(0, size);
    const last = events.at(-1);
    return { events, ...(rest.length > size && last ? { nextToken: String(last.id) } : {}) };
  };
  return { fetchPage, calls };
}

const ids = (events: Event[]) => events.map((e) => e.id);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('readWholeHistory', () => {
  it('reads a one-page history with one call', async () => {
    const { fetchPage, calls } = pager(() => 40, 1000);
    expect(ids(await readWholeHistory(fetchPage))).toEqual(oneToN(40));
    expect(calls).toHaveLength(1);
  });

  it('reads a long history from both ends in about half the round trips, every event once', async () => {
    for (const total of [1001, 2000, 2500, 24_808, 25_000]) {
      const { fetchPage, calls } = pager(() => total, 1000);
      expect(ids(await readWholeHistory(fetchPage))).toEqual(oneToN(total));
      const pages = Math.ceil(total / 1000);
      expect(calls.length).toBeLessThanOrEqual(pages + 2);
      // Round trips in a row: the first page, then the longer of the two readers.
      const forward = calls.filter((c) => !c.reverseOrder).length;
      const backward = calls.filter((c) => c.reverseOrder).length;
      expect(Math.max(forward, backward + 1)).toBeLessThanOrEqual(Math.ceil(pages / 2) + 2);
    }
  });

  it('leaves no gap when the execution writes more events while it is read', async () => {
    let total = 5_000;
    const { fetchPage } = pager(() => (total += 37), 1000);
    const events = ids(await readWholeHistory(fetchPage));
    expect(events).toEqual(oneToN(events.length));
    expect(events.length).toBeGreaterThanOrEqual(5_000);
  });
});
