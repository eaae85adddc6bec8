import { describe, expect, it } from 'vitest';
import { decodeExecutionName } from '@/lib/saga/names';
import { scenarioCode } from '@/lib/saga/scenarios';
import { planBatch } from './plan';
import { decodeSettings, encodeSettings, parseBatchSettings, type BatchSettings } from './settings';

const mix: BatchSettings = { mode: 'mix', count: 40, concurrency: 10, mix: { happy: 50, 'fail-payment': 25, 'fail-refund': 25 } };
const chaos: BatchSettings = {
  mode: 'chaos',
  count: 200,
  concurrency: 20,
  chaos: { business: 20, transient: 10, compensation: 30, latency: 5, latencyMs: 200 },
};

describe('planBatch', () => {
  it('gives exactly the asked share of each preset, with names carrying the batch', () => {
    const plan = planBatch('bat-abcd1234', mix);
    expect(plan).toHaveLength(40);
    const byScenario = Object.groupBy(plan, (o) => scenarioCode(o.input));
    expect(byScenario.happy).toHaveLength(20);
    expect(byScenario['fail-payment']).toHaveLength(10);
    expect(byScenario['fail-refund']).toHaveLength(10);
    for (const order of plan) expect(decodeExecutionName(order.name)).toMatchObject({ batch: 'bat-abcd1234', orderId: order.input.orderId });
    expect(new Set(plan.map((o) => o.name)).size).toBe(40);
  });

  it('is the same plan for the same batch and settings, and another for another batch', () => {
    expect(planBatch('bat-abcd1234', chaos)).toEqual(planBatch('bat-abcd1234', chaos));
    expect(planBatch('bat-abcd1234', mix).map((o) => o.name)).not.toEqual(planBatch('bat-zzzz9999', mix).map((o) => o.name));
  });

  it('maps chaos onto the switches: failures, broken compensations that will run, flaky steps, latency', () => {
    const plan = planBatch('bat-abcd1234', chaos);
    const failing = plan.filter((o) => o.input.failCreateOrder || o.input.failInventoryUpdate || o.input.failProcessPayment);
    // 1 - 0.8^3 of orders fail somewhere: about 98 of 200.
    expect(failing.length).toBeGreaterThan(70);
    expect(failing.length).toBeLessThan(130);
    expect(plan.some((o) => o.input.failCompensation)).toBe(true);
    for (const o of plan) {
      if (o.input.failCompensation === 'PaymentRefund') expect(o.input.failProcessPayment).toBe(true);
      if (o.input.flakyStep) expect(o.input.flakyAttempts).toBeLessThanOrEqual(2);
    }
    expect(plan.some((o) => o.input.flakyStep)).toBe(true);
    expect(plan.some((o) => o.input.latencyMs === 200)).toBe(true);
    const none = planBatch('bat-abcd1234', { ...chaos, chaos: { business: 0, transient: 0, compensation: 100, latency: 0, latencyMs: 0 } });
    expect(none.every((o) => scenarioCode(o.input) === 'happy')).toBe(true);
  });
});

describe('batch settings', () => {
  it('refuses bad values with a sentence each, and round-trips through a URL token', () => {
    expect(parseBatchSettings({ ...mix, count: 1001 })).toMatchObject({ ok: false, problems: [expect.stringContaining('count')] });
    expect(parseBatchSettings({ ...mix, mix: { happy: 90 } })).toEqual({ ok: false, problems: ['mix: the percentages must add up to 100'] });
    expect(parseBatchSettings({ ...mix, mix: { nope: 100 } })).toMatchObject({ ok: false, problems: [expect.stringContaining('presets only')] });
    expect(decodeSettings(encodeSettings(chaos))).toEqual({ ok: true, settings: chaos });
    expect(decodeSettings('%%%')).toMatchObject({ ok: false });
  });
});
