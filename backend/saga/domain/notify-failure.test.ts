import { describe, expect, it } from 'vitest';
import type { NotificationKind, NotificationsRepo } from '@/lib/saga-data/notifications-repo';
import { causeMessage } from '@/lib/history/values';
import { failedStep, notifyFailure } from './notify-failure';
import { readTaskEvent } from './task-event';

const effects = { now: () => '2030-01-01T00:00:00.000Z', sleep: async () => {} };

/** Records in memory what the Dynamo-backed repository would write. */
function fakeNotifications() {
  const log: { orderId: string; kind: NotificationKind; message: string }[] = [];
  const repo = {
    record: async (orderId: string, kind: NotificationKind, message: string, now: string) => {
      log.push({ orderId, kind, message });
      return { changed: true, record: { notificationId: `ntf-${orderId}`, orderId, kind, message, createdAt: now } };
    },
    listForOrder: async () => [],
  } satisfies NotificationsRepo;
  return { repo, log };
}

describe('causeMessage', () => {
  it("unwraps AWS Lambda's JSON cause and passes a plain message through", () => {
    expect(causeMessage(JSON.stringify({ errorType: 'PaymentFailed', errorMessage: 'card declined', trace: [] }))).toBe('card declined');
    expect(causeMessage('card declined')).toBe('card declined');
    expect(causeMessage(undefined)).toBe('');
  });
});

describe('notifyFailure', () => {
  it('names the forward step that failed in the cause the Fail state reports', async () => {
    const { repo, log } = fakeNotifications();
    const ctx = readTaskEvent({
      executionName: 'e1',
      payload: { errors: { inventory: { Error: 'InventoryUnavailable', Cause: 'Only 2 left' } } },
    });
    expect(failedStep(ctx)?.step).toBe('UpdateInventory');
    const result = await notifyFailure(ctx, { ...effects, notifications: repo });
    expect(result.Cause).toBe('UpdateInventory failed (InventoryUnavailable: Only 2 left); order ord-e1 was rolled back');
    expect(log).toEqual([{ orderId: 'ord-e1', kind: 'ORDER_ROLLED_BACK', message: result.Cause }]);
  });
});
