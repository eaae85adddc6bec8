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
 * FormData -> the raw object parseSagaInput validates. Empty optional fields are left
 * out (the schema's defaults apply); a number that does not parse is passed through as
 * text so the schema names the field in its error rather than us guessing.
 */
export function formToRawInput(form: FormData, fields: readonly SwitchField[] = SAGA_INPUT_FIELDS): SagaInputFields {
  return rawInput((name) => form.get(name), fields);
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

function rawInput(get: (name: string) => unknown, fields: readonly SwitchField[]): SagaInputFields {
  const raw: Record<string, unknown> = {};
  for (const field of fields) {
    const value = get(field.name);
    const text = typeof value === 'string' ? value.trim() : '';
    switch (field.kind) {
      case 'boolean':
        raw[field.name] = text === 'on' || text === 'true';
        break;
      case 'integer':
      case 'number': {
        if (text === '') break;
        const n = Number(text);
        raw[field.name] = Number.isFinite(n) ? n : text;
        break;
      }
      default:
        if (text !== '') raw[field.name] = text;
    }
  }
  return raw;
}
