/**
 * Reads a whole execution history from both ends at once. Step Functions pages a history
 * 1,000 events at a time and each page needs the previous page's token, so a 25,000-event
 * history is 25 round trips in a row. Reading oldest-first and newest-first together, until
 * the two meet, halves that wait; a history of one page still costs one call, because the
 * newest-first reader starts only once the first page says there is more.
 *
 * Pure over `fetchPage`, so it is tested without an SDK.
 */
export type HistoryPage<E> = { events: readonly E[]; nextToken?: string };
export type FetchHistoryPage<E> = (options: { reverseOrder: boolean; nextToken?: string }) => Promise<HistoryPage<E>>;

export async function readWholeHistory<E extends { id: number }>(fetchPage: FetchHistoryPage<E>): Promise<E[]> {
  const byId = new Map<number, E>();
  const keep = (events: readonly E[]) => {
    for (const event of events) byId.set(event.id, event);
  };
  const first = await fetchPage({ reverseOrder: false });
  keep(first.events);
  if (!first.nextToken) return [...byId.values()].sort((a, b) => a.id - b.id);

  // The oldest-first reader has every id up to `forwardTop`; the newest-first one every id
  // from `backwardBottom` on. Once the ranges touch, nothing lies between them.
  let forwardTop = Math.max(0, ...first.events.map((e) => e.id));
  let backwardBottom = Number.POSITIVE_INFINITY;
  const met = () => forwardTop >= backwardBottom - 1;

  const forward = async (token: string | undefined) => {
    while (token && !met()) {
      const page = await fetchPage({ reverseOrder: false, nextToken: token });
      keep(page.events);
      forwardTop = Math.max(forwardTop, ...page.events.map((e) => e.id));
      token = page.nextToken;
    }
  };
  const backward = async () => {
    let token: string | undefined;
    do {
      const page = await fetchPage({ reverseOrder: true, nextToken: token });
      keep(page.events);
      backwardBottom = Math.min(backwardBottom, ...page.events.map((e) => e.id));
      token = page.nextToken;
    } while (token && !met());
  };
  await Promise.all([forward(first.nextToken), backward()]);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
