'use client';

import { useMemo } from 'react';
import type { AslGraph } from '@/lib/asl/types';
import { redrivePlan } from '@/lib/history/redrive-plan';
import { stillToUndo } from '@/lib/history/still-to-undo';
import type { ExecutionReading } from '@/lib/history/types';
import { causeMessage } from '@/lib/history/values';
import { redriveExecution } from './actions';
import styles from './execution.module.css';
import panel from '@/components/ui/panel.module.css';
import { useExecutionTarget } from './execution-target';
import { useEventAction } from './use-event-action';
import { useHydrated } from './use-hydrated';

/**
 * A rollback that stopped at a compensation: what is still to undo, and the one action that
 * finishes it once the cause is fixed. That action is Step Functions' own Redrive, which
 * resumes at the failed compensation, so it works the same on AWS and on the local engine.
 */
export function RecoveryPanel({ reading, graph }: { reading: ExecutionReading; graph: AslGraph }) {
  const target = useExecutionTarget();
  const hydrated = useHydrated();
  const { pending, error, run } = useEventAction<'redrive'>(target?.executionArn);
  const undo = useMemo(() => stillToUndo(graph, reading), [graph, reading]);
  const plan = useMemo(() => redrivePlan(graph, reading), [graph, reading]);
  if (!undo) return null;
  const { failed, remaining } = undo;
  const message = causeMessage(failed.cause);
  return (
    <section className={`card ${styles.recovery}`} aria-labelledby="recovery-title" data-testid="recovery-panel">
      <h2 id="recovery-title" className={styles.recoveryTitle}>
        Needs a person: the rollback stopped at {failed.state}
      </h2>
      <p className={styles.recoveryCause}>
        <strong>{failed.error ?? 'Error'}</strong>
        {message && <> {message}</>}
      </p>
      <div className={styles.recoveryRow}>
        <span className={styles.recoveryLabel}>Still to undo</span>
        <ol className={styles.undoList} data-testid="still-to-undo">
          {[failed.state, ...remaining].map((state) => (
            <li key={state} data-state={state}>
              {state}
            </li>
          ))}
        </ol>
      </div>
      {target && plan.redrivable && (
        <div className={styles.recoveryRow}>
          <button
            type="button"
            className="btn btn--primary"
            disabled={!hydrated || pending !== undefined}
            onClick={() => void run('redrive', (afterId) => redriveExecution({ name: target.name, stateMachineArn: target.stateMachineArn }, afterId))}
            data-testid="action-finish-rollback"
          >
            {pending ? 'Finishing…' : 'Finish the rollback'}
          </button>
          <span className={panel.muted}>
            Once the cause is fixed: a Redrive runs {plan.resumesAt} again, then {plan.path.join(' → ')}.
          </span>
        </div>
      )}
      {error && (
        <p className={styles.recoveryError} role="alert" data-testid="recovery-error">
          {error}
        </p>
      )}
    </section>
  );
}
