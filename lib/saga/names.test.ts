import { describe, expect, it } from 'vitest';
import { SCENARIO_CODES } from './scenarios';
import { batchOfOrderId, batchOrderId, decodeExecutionName, encodeExecutionName } from './names';

describe('decodeExecutionName', () => {
  it('reads the scenario and order id of a dashboard-started execution', () => {
    expect(decodeExecutionName('fail-payment--ord-1a2b3c')).toEqual({ scenario: 'fail-payment', orderId: 'ord-1a2b3c' });
  });

  it('round-trips every scenario code', () => {
    for (const code of SCENARIO_CODES) {
      expect(decodeExecutionName(encodeExecutionName(code, 'o-1'))).toEqual({ scenario: code, orderId: 'o-1' });
    }
  });

  it('reads back the name a Slow rollback run gets, apart from Payment fails', () => {
    expect(decodeExecutionName('slow-rollback--ord-9')).toEqual({ scenario: 'slow-rollback', orderId: 'ord-9' });
  });

  it('keeps a `--` inside the order id', () => {
    expect(decodeExecutionName('happy--a--b')).toEqual({ scenario: 'happy', orderId: 'a--b' });
  });

  it('gives nothing for names started elsewhere', () => {
    expect(decodeExecutionName('run-2024-05-01')).toEqual({});
    expect(decodeExecutionName('nightly--batch')).toEqual({});
    expect(decodeExecutionName('--ord-1')).toEqual({});
    expect(decodeExecutionName('happy--')).toEqual({});
    expect(decodeExecutionName('')).toEqual({});
  });
});

describe('batch orders', () => {
  it('names the batch of a batch order, and round-trips its place', () => {
    const orderId = batchOrderId('bat-0a1b2c3d', 6);
    expect(orderId).toBe('bat-0a1b2c3d-0007');
    expect(decodeExecutionName(encodeExecutionName('fail-refund', orderId))).toEqual({
      scenario: 'fail-refund',
      orderId,
      batch: 'bat-0a1b2c3d',
    });
  });

  it('gives no batch for an order id that only looks like one', () => {
    expect(decodeExecutionName('happy--bat-0a1b2c3d')).toEqual({ scenario: 'happy', orderId: 'bat-0a1b2c3d' });
    expect(decodeExecutionName('happy--bat-0A1B2C3D-0001')).toEqual({ scenario: 'happy', orderId: 'bat-0A1B2C3D-0001' });
    expect(batchOfOrderId('xbat-0a1b2c3d-0001')).toBeUndefined();
  });
});
