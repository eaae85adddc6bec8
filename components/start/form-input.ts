/**
 * Between the start form and the saga's input schema. Pure and browser-safe: the form
 * uses the value helpers, the server action uses `formToRawInput`.
 */
import { SAGA_INPUT_FIELDS, type SwitchField } from '@/lib/saga/fields';
import type { SagaInputFields } from '@/lib/saga/input';
import type { SagaPreset } from '@/lib/saga/scenarios';

/** The form's state: checkboxes as booleans, everything else as the text typed. */
export type FormValues = Record<string, string | boolean>;

export function defaultValues(fields: readonly SwitchField[] = SAGA_INPUT_FIELDS): FormValues {
  return Object.fromEntries(
    fields.map((f): [string, string | boolean] => {
      switch (f.kind) {
        case 'boolean':
          return [f.name, false];
        case 'enum':
          return [f.name, ''];
        case 'text':
          return [f.name, f.default ?? ''];
        default:
          return [f.name, String(f.default)];
      }
    }),
  );
}

/** A preset is a complete form: defaults, then the preset's switches. */
export function presetValues(preset: SagaPreset, fields: readonly SwitchField[] = SAGA_INPUT_FIELDS): FormValues {
  const values = defaultValues(fields);
  for (const [name, value] of Object.entries(preset.input as Record<string, unknown>)) {
    values[name] = typeof value === 'boolean' ? value : String(value);
  }
  return values;
}

export const sameValues = (a: FormValues, b: FormValues): boolean =>
  Object.keys(a).every((key) => a[key] === b[key]);

/**
 * FormData -> the raw object parseSagaInput validates, with no coercion of our own, so the
 * form is held to the same strict schema as any other caller: a checkbox is "on" (or
 * absent), a number is written as a plain decimal, and anything else reaches the schema as
 * the text it is, to be refused with the field's name ("yes" is not a boolean, "1e1" not a
 * quantity). A field the form does not know is passed on too, and refused as an unknown
 * switch. Empty optional fields are left out, so the schema's defaults apply.
 */
export function formToRawInput(form: FormData, fields: readonly SwitchField[] = SAGA_INPUT_FIELDS): SagaInputFields {
  const raw: Record<string, unknown> = rawInput((name) => form.get(name), fields);
  const known = new Set<string>(fields.map((f) => f.name));
  for (const [name, value] of form.entries()) {
    // Next's own fields for a server action form.
    if (known.has(name) || name.startsWith('$ACTION')) continue;
    raw[name] = typeof value === 'string' ? value : '(a file)';
  }
  return raw;
}

/** The form's state as the form would post it (checked boxes as "on"), for starting without the form. */
export function valuesToFormData(values: FormValues): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === true) form.set(name, 'on');
    else if (typeof value === 'string' && value !== '') form.set(name, value);
  }
  return form;
}

/** The same conversion from the form's state, for the live scenario preview. */
export function valuesToRawInput(values: FormValues, fields: readonly SwitchField[] = SAGA_INPUT_FIELDS): SagaInputFields {
  return rawInput((name) => (values[name] === true ? 'on' : values[name] === false ? null : values[name]), fields);
}

/** A number as a person types one: digits, an optional sign and decimals; no exponent, hex or Infinity. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

function rawInput(get: (name: string) => unknown, fields: readonly SwitchField[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const field of fields) {
    const value = get(field.name);
    const text = typeof value === 'string' ? value.trim() : '';
    switch (field.kind) {
      case 'boolean':
        // An unticked checkbox is not sent at all.
        raw[field.name] = value === null || value === undefined ? false : text === 'on' || text === 'true' ? true : text === 'false' ? false : text;
        break;
      case 'integer':
      case 'number':
        if (text === '') break;
        raw[field.name] = PLAIN_DECIMAL.test(text) ? Number(text) : text;
        break;
      default:
        if (text !== '') raw[field.name] = text;
    }
  }
  return raw;
}
