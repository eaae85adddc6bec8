import { describe, expect, it } from 'vitest';
import { parseSagaInput } from '@/lib/saga/input';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';
import { defaultValues, formToRawInput, presetValues, sameValues, valuesToFormData, valuesToRawInput } from './form-input';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe('formToRawInput', () => {
  it('turns a submitted form into input the saga accepts, leaving empty optional fields out', () => {
    const raw = formToRawInput(
      form({ item: 'sku-gadget', quantity: '2', amount: '10.5', failProcessPayment: 'on', failCompensation: '', orderId: '' }),
    );
    expect(raw).toMatchObject({ item: 'sku-gadget', quantity: 2, amount: 10.5, failProcessPayment: true, failCreateOrder: false });
    expect(raw).not.toHaveProperty('failCompensation');
    expect(raw).not.toHaveProperty('orderId');
    expect(parseSagaInput(raw).ok).toBe(true);
  });

  it('converts nothing the API would refuse: "yes" is no boolean, "1e1" no number, and the field is named', () => {
    expect(parseSagaInput(formToRawInput(form({ failProcessPayment: 'yes' })))).toMatchObject({ ok: false, field: 'failProcessPayment' });
    for (const text of ['1e1', '0x10', 'Infinity', '2.', '.5', '1_0']) {
      expect(parseSagaInput(formToRawInput(form({ quantity: text }))), text).toMatchObject({ ok: false, field: 'quantity' });
    }
    expect(parseSagaInput(formToRawInput(form({ quantity: '10' })))).toMatchObject({ ok: true, value: { quantity: 10 } });
  });

  it('refuses a field it does not know, naming it, but ignores Next\'s own action fields', () => {
    const refused = parseSagaInput(formToRawInput(form({ quantity: '1', sneaky: 'x' })));
    expect(refused).toMatchObject({ ok: false, field: 'sneaky', message: expect.stringContaining('unknown switch') });
    expect(parseSagaInput(formToRawInput(form({ $ACTION_REF_1: '', '$ACTION_1:0': '{}' }))).ok).toBe(true);
  });

  it('passes a number that does not parse through, so the schema names the field', () => {
    const result = parseSagaInput(formToRawInput(form({ quantity: 'lots' })));
    expect(result).toMatchObject({ ok: false, field: 'quantity' });
  });
});

describe('presets', () => {
  it('fill the whole form, so a preset is recognised as active only when nothing else changed', () => {
    const payment = SAGA_PRESETS.find((p) => p.id === 'fail-payment');
    if (!payment) throw new Error('fail-payment preset missing');
    const values = presetValues(payment);
    expect(values.failProcessPayment).toBe(true);
    expect(sameValues(values, presetValues(payment))).toBe(true);
    expect(sameValues(values, defaultValues())).toBe(false);
  });
});

describe('valuesToFormData', () => {
  it('posts each preset as the form would, so starting it directly runs the same scenario', () => {
    for (const preset of SAGA_PRESETS) {
      const direct = parseSagaInput(formToRawInput(valuesToFormData(presetValues(preset))));
      expect(direct, preset.id).toEqual(parseSagaInput(valuesToRawInput(presetValues(preset))));
    }
  });
});
