'use client';

import { useCanWrite } from '@/components/access/access-context';
import { WritesClosed } from '@/components/access/writes-closed';
import { startTransition, useState } from 'react';
import type { SwitchField } from '@/lib/saga/fields';
import type { SagaPreset } from '@/lib/saga/scenarios';
import styles from '@/components/present/present.module.css';
import { startSaga } from './actions';
import { presetValues, valuesToFormData } from './form-input';

/** Presenter mode's start page: each preset a numbered button that starts it at once (or its digit key). */
export function PresetLauncher({ presets, fields }: { presets: readonly SagaPreset[]; fields: readonly SwitchField[] }) {
  const [starting, setStarting] = useState<string>();
  const [error, setError] = useState<string>();
  const canWrite = useCanWrite();
  const start = (preset: SagaPreset) => {
    setStarting(preset.id);
    setError(undefined);
    // Success opens the new execution; only a refusal comes back.
    startTransition(async () => {
      const state = await startSaga({ status: 'idle' }, valuesToFormData(presetValues(preset, fields)));
      if (state.status !== 'idle') setError(`${preset.label} did not start: ${state.message}`);
      setStarting(undefined);
    });
  };
  return (
    <div>
      <div className={styles.launcher} role="group" aria-label="Start a preset">
        {!canWrite && <WritesClosed />}
        {canWrite && presets.map((preset, i) => (
          <button
            key={preset.id}
            type="button"
            className={styles.launch}
            onClick={() => start(preset)}
            disabled={starting !== undefined}
            title={preset.description}
            data-testid={`launch-${preset.id}`}
          >
            {i < 9 && <kbd>{i + 1}</kbd>}
            {starting === preset.id ? 'Starting…' : preset.label}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className={styles.launchError}>
          {error}
        </p>
      )}
    </div>
  );
}
