import { describe, expect, it } from 'vitest';
import { sagaOrderOf } from './order-of';

describe('sagaOrderOf', () => {
  it("derives the blueprint payloads' order and scenario the way the handlers do", () => {
    expect(sagaOrderOf({ body: '{"failProcessPayment": true}' }, 'b1')).toEqual({ orderId: 'ord-b1', sku: 'sku-widget', scenario: 'fail-payment' });
    expect(sagaOrderOf({ body: '{"failInventoryUpdate": true}' }, 'b2')?.scenario).toBe('fail-inventory');
    expect(sagaOrderOf({ body: '{"failCreateOrder": true}' }, 'b3')?.scenario).toBe('fail-order');
    expect(sagaOrderOf({}, 'b4')).toEqual({ orderId: 'ord-b4', sku: 'sku-widget', scenario: 'happy' });
  });

  it("prefers the input's own order id and SKU", () => {
    expect(sagaOrderOf({ orderId: 'ord-7', item: 'sku-gadget' }, 'x')).toMatchObject({ orderId: 'ord-7', sku: 'sku-gadget' });
  });

  it('has no order for an input the saga refuses', () => {
    expect(sagaOrderOf({ failPayment: true }, 'x')).toBeUndefined();
    expect(sagaOrderOf('text', 'x')).toBeUndefined();
    expect(sagaOrderOf({ body: '{not json' }, 'x')).toBeUndefined();
  });
});
