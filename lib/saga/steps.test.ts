import { describe, expect, it } from 'vitest';
import { COMPENSATION_STEPS, compensationsAfter, FORWARD_STEPS, UNDOES } from './steps';

describe('compensation pairs', () => {
  it('pairs every compensation with a distinct forward step', () => {
    expect(new Set(COMPENSATION_STEPS.map((c) => UNDOES[c])).size).toBe(COMPENSATION_STEPS.length);
    for (const c of COMPENSATION_STEPS) expect(FORWARD_STEPS).toContain(UNDOES[c]);
  });

  it("runs a failed step's own compensation first, then the earlier steps' in reverse", () => {
    expect(compensationsAfter('CreateOrder')).toEqual(['CancelOrder']);
    expect(compensationsAfter('UpdateInventory')).toEqual(['InventoryRollback', 'CancelOrder']);
    expect(compensationsAfter('ProcessPayment')).toEqual(['PaymentRefund', 'InventoryRollback', 'CancelOrder']);
    expect(compensationsAfter('Notify')).toEqual(['PaymentRefund', 'InventoryRollback', 'CancelOrder']);
  });
});
