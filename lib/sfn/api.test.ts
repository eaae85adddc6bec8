import { GetExecutionHistoryCommand, type GetExecutionHistoryCommandInput } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createStepFunctions } from './api';

/** A fake SFN client serving a 2,500-event history in AWS's page shapes. */
function fakeClient(total: number) {
  const requests: GetExecutionHistoryCommandInput[] = [];
  const all = Array.from({ length: total }, (_, i) => ({ id: i + 1, type: 'PassStateEntered', timestamp: new Date(0) }));
  const send = async (command: unknown) => {
    if (!(command instanceof GetExecutionHistoryCommand)) throw new Error('unexpected command');
    const input = command.input;
    requests.push(input);
    const ordered = input.reverseOrder ? [...all].reverse() : all;
    const start = Number(input.nextToken ?? 0);
    const size = input.maxResults ?? 100;
    const events = ordered.slice(start, start + size);
    return { events, nextToken: start + size < ordered.length ? String(start + size) : undefined };
  };
  return { requests, client: { send } as unknown as Parameters<typeof createStepFunctions>[0] };
}

describe('history reads', () => {
  it('reads the whole history across pages of 1,000', async () => {
    const { client, requests } = fakeClient(2_500);
    const events = await createStepFunctions(client).getHistory('arn:x');
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    expect(requests.every((r) => r.maxResults === 1000)).toBe(true);
    // Read from both ends (see history-pages): at most one page more than a plain read.
    expect(requests.length).toBeLessThanOrEqual(4);
    expect(requests.some((r) => r.reverseOrder)).toBe(true);
  });

  it('fetches only what is new: one small newest-first page, oldest first in the result', async () => {
    const { client, requests } = fakeClient(2_500);
    const events = await createStepFunctions(client).getEventsAfter('arn:x', 2_497);
    expect(events.map((e) => e.id)).toEqual([2_498, 2_499, 2_500]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ reverseOrder: true, maxResults: 25 });
  });

  it('reads a burst bigger than the peek again in full pages, each token with its own page size', async () => {
    const { client, requests } = fakeClient(2_500);
    const events = await createStepFunctions(client).getEventsAfter('arn:x', 100);
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 2_400 }, (_, i) => i + 101));
    expect(requests.map((r) => [r.maxResults, r.nextToken])).toEqual([
      [25, undefined],
      [1000, undefined],
      [1000, '1000'],
      [1000, '2000'],
    ]);
  });
});
