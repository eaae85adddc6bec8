'use client';

import { redriveExecution } from './actions';
import styles from './execution.module.css';
import { useExecutionTarget } from './execution-target';
import type { Recovery } from './recovery';
import { useEventAction } from './use-event-action';
import { useHydrated } from './use-hydrated';
import { useCanWrite } from '@/components/access/access-context';

/**
 * A rollback that stopped at a compensation: what is still to undo, and the one action that
 * finishes it once the cause is fixed (the header shows the error itself). That action is
 * Step Functions' own Redrive, which resumes at the failed compensation, so it works the
 * same on AWS and on the local engine; the header offers no second Redrive beside it.
 */
export function RecoveryPanel({ recovery }: { recovery: Recovery }) {
  const target = useExecutionTarget();
  const hydrated = useHydrated();
  const { pending, error, run } = useEventAction<'redrive'>(target?.executionArn);
  const canWrite = useCanWrite(target?.stateMachineArn);
  const { undo, plan } = recovery;
  if (!undo) return null;
  const { failed, remaining } = undo;
  return (
    <section className={`card ${styles.recovery}`} aria-labelledby="recovery-title" data-testid="recovery-panel">
      <h2 id="recovery-title" className={styles.recoveryTitle}>
        Needs a person: the rollback stopped at {failed.state}
        {failed.error && <span className={styles.recoveryCause}> ({failed.error})</span>}
      </h2>
      <div className={styles.recoveryRow}>
        <span className={styles.recoveryLabel}>Still to undo</span>
        <ol className={styles.undoList} data-testid="still-to-undo">
          {[failed.state, ...remaining].map((state) => (
            <li key={state} data-state={state}>
              {state}
            </li>
          ))}
        </ol>
        {target && canWrite && plan.redrivable && (
          <button
            type="button"
            className={`btn btn--primary ${styles.recoveryAction}`}
            disabled={!hydrated || pending !== undefined}
            onClick={() => void run('redrive', (afterId) => redriveExecution({ name: target.name, stateMachineArn: target.stateMachineArn }, afterId))}
            title={`Once the cause is fixed: Redrive runs ${plan.resumesAt} again, then ${plan.path.join(' → ')}`}
            data-testid="action-finish-rollback"
            data-resumes-at={plan.resumesAt}
          >
            {pending ? 'Finishing…' : 'Finish the rollback'}
          </button>
        )}
      </div>
      {error && (
        <p className={styles.recoveryError} role="alert" data-testid="recovery-error">
          {error}
        </p>
      )}
    </section>
  );
}
