import { describe, expect, it } from 'vitest';
import { isValidExecutionName } from '@/lib/sfn/arn';
import { planRerun } from './rerun';

const fresh = { orderId: 'ord-new1234567', suffix: '0a1b2c3d' };

describe('planRerun', () => {
  it('runs the saga again with the same switches, a new order and a matching name', () => {
    const input = { orderId: 'ord-old', failProcessPayment: true, latencyMs: 1500 };
    const plan = planRerun({ name: 'slow-rollback--ord-old', input, isSaga: true }, fresh);
    expect(plan).toMatchObject({ ok: true, name: 'slow-rollback--ord-new1234567' });
    expect(plan.ok && plan.input).toMatchObject({ orderId: 'ord-new1234567', failProcessPayment: true, latencyMs: 1500 });
  });

  it('refuses saga input the saga would refuse, saying which field', () => {
    const plan = planRerun({ name: 'x', input: { failProcessPayment: 'yes' }, isSaga: true }, fresh);
    expect(plan).toEqual({ ok: false, message: expect.stringContaining('failProcessPayment') });
  });

  it('gives any other machine its input back under a fresh name that does not grow', () => {
    const input = { anything: [1, 2] };
    const first = planRerun({ name: 'nightly', input, isSaga: false }, fresh);
    expect(first).toEqual({ ok: true, name: 'nightly-run-0a1b2c3d', input });
    const second = planRerun({ name: 'nightly-run-0a1b2c3d', input, isSaga: false }, { ...fresh, suffix: 'ffffffff' });
    expect(second).toEqual({ ok: true, name: 'nightly-run-ffffffff', input });
  });

  it('keeps a long name within the 80 characters AWS allows', () => {
    const plan = planRerun({ name: 'n'.repeat(80), input: {}, isSaga: false }, fresh);
    expect(plan.ok && plan.name.length).toBe(80);
  });

  it('never cuts a name inside a character, so the new name is one the dashboard can open', () => {
    const plan = planRerun({ name: `${'n'.repeat(65)}🚀🚀`, input: {}, isSaga: false }, fresh);
    expect(plan.ok && plan.name).toBe(`${'n'.repeat(65)}🚀-run-0a1b2c3d`);
    expect(plan.ok && isValidExecutionName(plan.name)).toBe(true);
    expect(plan.ok && planRerun({ name: 'dot.name-x1', input: {}, isSaga: false }, fresh)).toMatchObject({ name: 'dot.name-x1-run-0a1b2c3d' });
  });
});
