import { describe, expect, it } from 'vitest';
import { parseSagaInput } from './input';
import { newOrderId, sagaStart } from './start';

const input = (fields: object) => {
  const parsed = parseSagaInput(fields);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe('sagaStart', () => {
  it('names the execution <scenario>--<orderId> and puts the order id in the input', () => {
    expect(sagaStart(input({ failProcessPayment: true }), 'ord-1')).toEqual({
      ok: true,
      name: 'fail-payment--ord-1',
      input: expect.objectContaining({ orderId: 'ord-1', failProcessPayment: true }),
    });
  });

  it('refuses an order id too long for an 80-character execution name', () => {
    expect(sagaStart(input({ flakyStep: 'UpdateInventory' }), 'x'.repeat(64))).toEqual({ ok: false, message: expect.stringContaining('too long') });
  });
});

describe('newOrderId', () => {
  it('is short, fresh each time, and fits the id alphabet', () => {
    const a = newOrderId();
    expect(a).toMatch(/^ord-[0-9a-f]{10}$/);
    expect(newOrderId()).not.toBe(a);
  });
});
