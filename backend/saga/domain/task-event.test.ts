import { describe, expect, it } from 'vitest';
import { InvalidSagaInput } from '@/lib/saga/errors';
import { readTaskEvent, requireInput } from './task-event';

describe('readTaskEvent', () => {
  it('derives the order id from the execution name unless the input names one', () => {
    expect(readTaskEvent({ payload: {}, executionName: 'happy-1' }).orderId).toBe('ord-happy-1');
    expect(readTaskEvent({ payload: { orderId: 'o-7' }, executionName: 'happy-1' }).orderId).toBe('o-7');
    expect(readTaskEvent({ payload: { body: '{"orderId": "o-8"}' }, executionName: 'x' }).orderId).toBe('o-8');
  });

  it('separates what the definition added (results, errors) from what the user sent', () => {
    const ctx = readTaskEvent({
      executionName: 'e',
      payload: {
        failProcessPayment: true,
        results: { createOrder: { orderId: 'ord-e' } },
        errors: { payment: { Error: 'PaymentFailed', Cause: 'boom' }, junk: 3 },
      },
    });
    expect(ctx.input?.failProcessPayment).toBe(true);
    expect(ctx.errors).toEqual({ payment: { Error: 'PaymentFailed', Cause: 'boom' } });
  });

  it('keeps going with an invalid input so compensations can skip, while forward steps refuse', () => {
    const ctx = readTaskEvent({ payload: { quantity: 'lots' }, executionName: 'e' });
    expect(ctx.input).toBeUndefined();
    expect(ctx.inputProblem).toMatch(/^quantity: /);
    expect(() => requireInput(ctx)).toThrow(InvalidSagaInput);
  });

  it('refuses an event that is not what the definition sends', () => {
    expect(() => readTaskEvent({ failProcessPayment: true })).toThrow(InvalidSagaInput);
    expect(() => readTaskEvent({ payload: {}, executionName: '' })).toThrow(InvalidSagaInput);
  });
});
