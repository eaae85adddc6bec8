import { describe, expect, it } from 'vitest';
import { INPUT_BOUNDS } from './steps';
import { parseSagaInput, sagaInputSchema, type SagaInput } from './input';
import { FIELDS_NOT_IN_FORM, SAGA_INPUT_FIELDS } from './fields';
import { SAGA_PRESETS, SCENARIO_CODES, scenarioCode } from './scenarios';

const parsed = (raw: unknown): SagaInput => {
  const result = parseSagaInput(raw);
  if (!result.ok) throw new Error(`expected ok, got ${result.message}`);
  return result.value;
};

describe('parseSagaInput', () => {
  it('fills the defaults for an empty input (and for no input at all)', () => {
    expect(parsed({})).toEqual({
      item: 'sku-widget',
      quantity: 1,
      amount: 49.99,
      failCreateOrder: false,
      failInventoryUpdate: false,
      failProcessPayment: false,
      flakyAttempts: 2,
      latencyMs: 0,
    });
    expect(parsed(undefined)).toEqual(parsed({}));
  });

  it.each(['failCreateOrder', 'failInventoryUpdate', 'failProcessPayment'] as const)(
    'accepts the blueprint flag %s in its {"body": "<json>"} form and as a plain field',
    (flag) => {
      expect(parsed({ body: JSON.stringify({ [flag]: true }) })[flag]).toBe(true);
      expect(parsed({ [flag]: true })[flag]).toBe(true);
    },
  );

  it('merges body fields with plain fields', () => {
    const value = parsed({ body: '{"failProcessPayment": true}', orderId: 'o-1', quantity: 3 });
    expect(value).toMatchObject({ failProcessPayment: true, orderId: 'o-1', quantity: 3 });
  });

  it('accepts an already-parsed body object', () => {
    expect(parsed({ body: { failCreateOrder: true } }).failCreateOrder).toBe(true);
  });

  it('refuses an unknown switch, naming it', () => {
    expect(parseSagaInput({ failEverything: true })).toMatchObject({ ok: false, field: 'failEverything' });
    expect(parseSagaInput({ body: '{"failPayment": true}' })).toMatchObject({ ok: false, field: 'failPayment' });
  });

  it('refuses a wrong type, naming the field', () => {
    const result = parseSagaInput({ failProcessPayment: 'yes' });
    expect(result).toMatchObject({ ok: false, field: 'failProcessPayment' });
    expect(!result.ok && result.message).toMatch(/^failProcessPayment: /);
    expect(parseSagaInput({ quantity: 2.5 })).toMatchObject({ ok: false, field: 'quantity' });
    expect(parseSagaInput({ failCompensation: 'Notify' })).toMatchObject({ ok: false, field: 'failCompensation' });
    expect(parseSagaInput({ holdStep: 'NotifyFailure' })).toMatchObject({ ok: false, field: 'holdStep' });
  });

  it('holds any forward step or compensation on request, and no preset holds one', () => {
    expect(parsed({ holdStep: 'ProcessPayment' }).holdStep).toBe('ProcessPayment');
    expect(parsed({ holdStep: 'PaymentRefund' }).holdStep).toBe('PaymentRefund');
    expect(parsed({}).holdStep).toBeUndefined();
    expect(SAGA_PRESETS.filter((p) => 'holdStep' in p.input)).toEqual([]);
  });

  it('refuses out-of-bounds numbers', () => {
    expect(parseSagaInput({ latencyMs: INPUT_BOUNDS.latencyMs.max + 1 })).toMatchObject({ ok: false, field: 'latencyMs' });
    expect(parseSagaInput({ quantity: 0 })).toMatchObject({ ok: false, field: 'quantity' });
  });

  it('refuses a body that is not JSON, or not an object', () => {
    expect(parseSagaInput({ body: '{failProcessPayment: true' })).toMatchObject({ ok: false, field: 'body' });
    expect(parseSagaInput({ body: '[1,2]' })).toMatchObject({ ok: false, field: 'body' });
    expect(parseSagaInput({ body: 42 })).toMatchObject({ ok: false, field: 'body' });
  });

  it('refuses a field given both inside body and as a plain field', () => {
    expect(parseSagaInput({ body: '{"quantity": 2}', quantity: 3 })).toMatchObject({ ok: false, field: 'quantity' });
  });

  it('refuses a non-object input and ids that could not be keys or execution names', () => {
    expect(parseSagaInput([1])).toMatchObject({ ok: false, field: '(input)' });
    expect(parseSagaInput('{}')).toMatchObject({ ok: false, field: '(input)' });
    expect(parseSagaInput({ orderId: 'has space' })).toMatchObject({ ok: false, field: 'orderId' });
  });

  it('reserves the keys the definition adds to the payload', () => {
    expect(parseSagaInput({ results: {} })).toMatchObject({ ok: false, field: 'results' });
  });
});

describe('form metadata', () => {
  it('describes every schema field exactly once, but for the test switches it leaves out', () => {
    const names = [...SAGA_INPUT_FIELDS.map((f) => f.name), ...FIELDS_NOT_IN_FORM].sort();
    expect(names).toEqual(Object.keys(sagaInputSchema.shape).sort());
  });

  it('offers defaults the schema accepts', () => {
    const defaults = Object.fromEntries(
      SAGA_INPUT_FIELDS.flatMap((f) => ('default' in f && f.default !== undefined ? [[f.name, f.default]] : [])),
    );
    expect(parseSagaInput(defaults).ok).toBe(true);
  });
});

describe('scenarios', () => {
  it('every preset is a valid input whose code is a known scenario', () => {
    for (const preset of SAGA_PRESETS) {
      const code = scenarioCode(parsed(preset.input));
      expect(SCENARIO_CODES).toContain(code);
    }
    expect(new Set(SAGA_PRESETS.map((p) => p.id)).size).toBe(SAGA_PRESETS.length);
  });

  it('gives every preset its own code, so the list can tell each preset\'s runs apart', () => {
    const codes = SAGA_PRESETS.map((preset) => scenarioCode(parsed(preset.input)));
    expect(new Set(codes).size).toBe(SAGA_PRESETS.length);
    const slowRollback = SAGA_PRESETS.find((p) => p.label === 'Slow rollback');
    expect(slowRollback && scenarioCode(parsed(slowRollback.input))).toBe('slow-rollback');
  });

  it('codes the path the input will take', () => {
    expect(scenarioCode(parsed({}))).toBe('happy');
    expect(scenarioCode(parsed({ latencyMs: 500 }))).toBe('slow');
    expect(scenarioCode(parsed({ body: '{"failProcessPayment": true}' }))).toBe('fail-payment');
    expect(scenarioCode(parsed({ failInventoryUpdate: true }))).toBe('fail-inventory');
    expect(scenarioCode(parsed({ failInventoryUpdate: true, latencyMs: 500 }))).toBe('slow-rollback');
    expect(scenarioCode(parsed({ failProcessPayment: true, latencyMs: 1500 }))).toBe('slow-rollback');
    // A stuck rollback is the more telling thing, however slow.
    expect(scenarioCode(parsed({ failProcessPayment: true, failCompensation: 'PaymentRefund', latencyMs: 1500 }))).toBe('fail-refund');
    expect(scenarioCode(parsed({ failCreateOrder: true }))).toBe('fail-order');
    expect(scenarioCode(parsed({ failProcessPayment: true, failCompensation: 'PaymentRefund' }))).toBe('fail-refund');
    expect(scenarioCode(parsed({ flakyStep: 'ProcessPayment' }))).toBe('flaky-payment');
  });

  it('ignores a compensation switch when that compensation will not run', () => {
    expect(scenarioCode(parsed({ failCompensation: 'PaymentRefund' }))).toBe('happy');
    // CreateOrder failing only runs CancelOrder, so a broken refund never shows.
    expect(scenarioCode(parsed({ failCreateOrder: true, failCompensation: 'PaymentRefund' }))).toBe('fail-order');
    expect(scenarioCode(parsed({ failCreateOrder: true, failCompensation: 'CancelOrder' }))).toBe('fail-cancel');
  });
});
