'use client';

import { useCanWrite } from '@/components/access/access-context';
import { WritesClosed } from '@/components/access/writes-closed';
import { useActionState, useState } from 'react';
import { BATCH_BOUNDS } from '@/lib/batch/settings';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';
import { INPUT_BOUNDS } from '@/lib/saga/steps';
import { startBatch, type BatchFormState } from './actions';
import styles from './batch.module.css';

const DEFAULT_MIX: Record<string, number> = { happy: 50, 'fail-payment': 20, 'fail-refund': 10, 'flaky-payment': 20 };

/** The batch settings: how many, how many at once, and a preset mix or chaos. Validated again on the server. */
export function BatchForm() {
  const [state, action, pending] = useActionState<BatchFormState, FormData>(startBatch, { status: 'idle' });
  const canWrite = useCanWrite();
  const [mode, setMode] = useState<'mix' | 'chaos'>('mix');
  const [mix, setMix] = useState(DEFAULT_MIX);
  const total = Object.values(mix).reduce((a, b) => a + b, 0);
  return (
    <form action={action} className={`card ${styles.form}`} data-testid="batch-form" aria-label="Batch settings">
      <div className={styles.row}>
        <label className={styles.field}>
          <span>Orders</span>
          <input type="number" name="count" defaultValue={40} min={BATCH_BOUNDS.count.min} max={BATCH_BOUNDS.count.max} required data-testid="batch-count" />
        </label>
        <label className={styles.field}>
          <span>Running at once</span>
          <input
            type="number"
            name="concurrency"
            defaultValue={10}
            min={BATCH_BOUNDS.concurrency.min}
            max={BATCH_BOUNDS.concurrency.max}
            required
            data-testid="batch-concurrency"
          />
        </label>
        <fieldset className={styles.modes}>
          <legend>Failures</legend>
          {(['mix', 'chaos'] as const).map((m) => (
            <label key={m} className={styles.mode}>
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`batch-mode-${m}`} />
              {m === 'mix' ? 'A mix of presets' : 'Chaos'}
            </label>
          ))}
        </fieldset>
      </div>
      {mode === 'mix' ? (
        <div className={styles.mix}>
          {SAGA_PRESETS.map((p) => (
            <label key={p.id} className={styles.share} title={p.description}>
              <span>{p.label}</span>
              <span className={styles.percent}>
                <input
                  type="number"
                  name={`mix-${p.id}`}
                  min={0}
                  max={100}
                  value={mix[p.id] ?? 0}
                  onChange={(e) => setMix({ ...mix, [p.id]: Number(e.target.value) || 0 })}
                  data-testid={`mix-${p.id}`}
                />
                %
              </span>
            </label>
          ))}
          <p className={total === 100 ? styles.muted : styles.warn} data-testid="mix-total">
            Total {total} % {total === 100 ? '' : '(must be 100)'}
          </p>
        </div>
      ) : (
        <div className={styles.mix}>
          <Chance name="business" label="Business failure, per forward step" fallback={10} />
          <Chance name="transient" label="Transient failure (retried), per step" fallback={10} />
          <Chance name="compensation" label="Compensation failure, per compensation run" fallback={5} />
          <Chance name="latency" label="Slow order (latency on every step)" fallback={5} />
          <label className={styles.share}>
            <span>Added latency</span>
            <span className={styles.percent}>
              <input type="number" name="latencyMs" defaultValue={500} min={INPUT_BOUNDS.latencyMs.min} max={INPUT_BOUNDS.latencyMs.max} data-testid="chaos-latencyMs" />
              ms
            </span>
          </label>
        </div>
      )}
      {state.status === 'invalid' && (
        <ul className={styles.problems} role="alert" data-testid="batch-problems">
          {state.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {state.status === 'error' && (
        <p className={styles.problems} role="alert" data-testid="batch-error">
          {state.message}
        </p>
      )}
      <div className={styles.actions}>
        {canWrite ? (
          <button type="submit" className="btn btn--primary btn--large" disabled={pending} data-testid="batch-start">
            {pending ? 'Starting…' : 'Start the batch'}
          </button>
        ) : (
          <WritesClosed />
        )}
        <span className={styles.muted}>Starts are paced below StartExecution&apos;s quota and back off when throttled. The plan is seeded by the batch id, so it can be resumed.</span>
      </div>
    </form>
  );
}

function Chance({ name, label, fallback }: { name: string; label: string; fallback: number }) {
  return (
    <label className={styles.share}>
      <span>{label}</span>
      <span className={styles.percent}>
        <input type="number" name={name} defaultValue={fallback} min={0} max={100} data-testid={`chaos-${name}`} />%
      </span>
    </label>
  );
}
