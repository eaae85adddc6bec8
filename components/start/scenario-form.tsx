'use client';

import { useCanWrite } from '@/components/access/access-context';
import { WritesClosed } from '@/components/access/writes-closed';
import { startTransition, type SubmitEvent, useActionState, useMemo, useState } from 'react';
import { parseSagaInput } from '@/lib/saga/input';
import { type SagaPreset, scenarioCode } from '@/lib/saga/scenarios';
import type { SwitchField } from '@/lib/saga/fields';
import { type StartState, startSaga } from './actions';
import { defaultValues, type FormValues, presetValues, sameValues, valuesToFormData, valuesToRawInput } from './form-input';
import { FieldControl } from './field-control';
import styles from './start.module.css';

const GROUPS: { id: SwitchField['group']; title: string }[] = [
  { id: 'failures', title: 'Failure switches' },
  { id: 'timing', title: 'Timing' },
  { id: 'order', title: 'Order' },
];

const initialState: StartState = { status: 'idle' };

/**
 * Presets, switches and the order form. The form is controlled so a preset can fill it in
 * one click; the server action validates again, because the browser is never trusted.
 */
export function ScenarioForm({ fields, presets }: { fields: readonly SwitchField[]; presets: readonly SagaPreset[] }) {
  const [values, setValues] = useState<FormValues>(() => defaultValues(fields));
  const [state, formAction, pending] = useActionState(startSaga, initialState);
  const canWrite = useCanWrite();
  const preview = useMemo(() => {
    const parsed = parseSagaInput(valuesToRawInput(values, fields));
    return parsed.ok ? scenarioCode(parsed.value) : undefined;
  }, [values, fields]);
  // Submitting through onSubmit, not the form's action, skips React's automatic form reset,
  // which would put checkboxes back to their defaults after a refused submit. Without
  // JavaScript the `action` attribute still posts the form.
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  // One click from a preset to a running saga: the form shows the preset, then posts it.
  const runPreset = (preset: SagaPreset) => {
    const next = presetValues(preset, fields);
    setValues(next);
    startTransition(() => formAction(valuesToFormData(next)));
  };
  const fieldError = (name: string) => (state.status === 'invalid' && state.field === name ? state.message : undefined);
  const otherError =
    state.status === 'invalid' && !fields.some((f) => f.name === state.field) ? state.message : undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className={styles.form} data-testid="start-form">
      <section aria-labelledby="presets-title" className={styles.section}>
        <h2 id="presets-title" className="card__title">
          Presets
        </h2>
        <div className={styles.presets}>
          {presets.map((preset, i) => {
            const active = sameValues(presetValues(preset, fields), values);
            return (
              <div key={preset.id} className={`${styles.presetCard}${active ? ` ${styles.presetActive}` : ''}`}>
                <button
                  type="button"
                  className={styles.preset}
                  aria-pressed={active}
                  data-testid={`preset-${preset.id}`}
                  title={preset.description}
                  onClick={() => setValues(presetValues(preset, fields))}
                >
                  <span className={styles.presetLabel}>{preset.label}</span>
                  <span className={styles.presetDescription}>{preset.description}</span>
                </button>
                {canWrite && (
                <button
                  type="button"
                  className={styles.presetRun}
                  disabled={pending}
                  onClick={() => runPreset(preset)}
                  aria-label={`Start ${preset.label}`}
                  title={`Start ${preset.label} now${i < 9 ? ` (key ${i + 1} in presenter mode)` : ''}`}
                  data-testid={`run-preset-${preset.id}`}
                >
                  ▶
                </button>
                )}
              </div>
            );
          })}
        </div>
      </section>

      {GROUPS.map((group) => (
        <fieldset key={group.id} className={styles.section}>
          <legend className="card__title">{group.title}</legend>
          <div className={group.id === 'failures' ? styles.switchGrid : styles.fieldGrid}>
            {fields
              .filter((f) => f.group === group.id)
              .map((field) => (
                <FieldControl
                  key={field.name}
                  field={field}
                  value={values[field.name] ?? ''}
                  error={fieldError(field.name)}
                  onChange={(value) => setValues((old) => ({ ...old, [field.name]: value }))}
                />
              ))}
          </div>
        </fieldset>
      ))}

      {state.status === 'error' && (
        <div className="banner" role="alert" data-testid="start-error">
          <div className="banner__body">
            <div className="banner__title">Could not start the saga</div>
            <div>{state.message}</div>
          </div>
        </div>
      )}
      {otherError && (
        <p className={styles.error} role="alert" data-testid="field-error">
          {otherError}
        </p>
      )}

      <div className={styles.submitRow}>
        {canWrite ? (
          <button type="submit" className="btn btn--primary btn--large" disabled={pending} data-testid="start-button">
            {pending ? 'Starting…' : 'Start saga'}
          </button>
        ) : (
          <WritesClosed />
        )}
        <span className={styles.preview} data-testid="scenario-preview">
          {preview ? (
            <>
              runs as <code>{preview}--…</code>
            </>
          ) : (
            'fix the highlighted field to start'
          )}
        </span>
      </div>
    </form>
  );
}
