'use client';

import { useState, useTransition } from 'react';
import type { ExecutionStatus } from '@/lib/core/execution-status';
import type { ExecutionReading } from '@/lib/history/types';
import { redriveExecution, runAgain, stopExecution } from './actions';
import styles from './actions.module.css';
import { CompareForm } from './compare-form';
import { useExecutionTarget } from './execution-target';
import { ExportMenu } from './export-menu';
import type { Recovery } from './recovery';
import { useEventAction } from './use-event-action';
import { useHydrated } from './use-hydrated';
import { useCanWrite } from '@/components/access/access-context';

/** Where a Redrive could be expected: said why it is not offered, when it is not. */
const ENDED_UNSUCCESSFULLY: ReadonlySet<ExecutionStatus> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

type Pending = 'stop' | 'redrive' | 'rerun' | undefined;

/**
 * Stop, Redrive, Run again, Export and Compare for the execution on screen. Redrive is
 * offered only where it can change something, and says beforehand which states it runs.
 */
export function ExecutionActions({ reading, recovery }: { reading: ExecutionReading; recovery: Recovery }) {
  const target = useExecutionTarget();
  const { pending, setPending, error, setError, run } = useEventAction<Pending & string>(target?.executionArn);
  const [, startTransition] = useTransition();
  const [confirmStop, setConfirmStop] = useState(false);
  const hydrated = useHydrated();
  // Hidden, not just disabled, from a viewer who may not write; the server refuses anyway.
  const canWrite = useCanWrite(target?.stateMachineArn);
  const { plan } = recovery;
  // A stuck rollback has its own panel, whose one button is this same Redrive.
  const stuck = recovery.undo !== undefined;
  if (!target) return null;
  const idle = hydrated && pending === undefined;

  const ref = { name: target.name, stateMachineArn: target.stateMachineArn };
  const status = reading.executionStatus;

  const rerun = () => {
    setPending('rerun');
    setError(undefined);
    // A transition keeps "Starting…" up until the new execution's page has rendered.
    startTransition(async () => {
      const result = await runAgain(ref).catch(() => ({
        status: 'error' as const,
        message: 'Cannot reach the dashboard; nothing was started. Check the connection and retry.',
      }));
      // Success navigates away and resolves nothing; only a failure comes back here.
      if (result) {
        setPending(undefined);
        setError(result.message);
      }
    });
  };

  return (
    <div className={styles.bar} data-testid="execution-actions">
      <div className={styles.group} role="group" aria-label="Execution actions">
        {canWrite && status === 'RUNNING' && !confirmStop && (
          <button type="button" className="btn" onClick={() => setConfirmStop(true)} disabled={!idle} data-testid="action-stop">
            Stop…
          </button>
        )}
        {canWrite && status === 'RUNNING' && confirmStop && (
          <div className={styles.confirm} role="alertdialog" aria-label="Confirm stop" data-testid="stop-confirm">
            <span>Stop it? It ends ABORTED; steps already done are not undone.</span>
            <button
              type="button"
              className={`btn ${styles.danger}`}
              onClick={() => void run('stop', (afterId) => stopExecution(ref, afterId)).then(() => setConfirmStop(false))}
              disabled={!idle}
              data-testid="action-stop-confirm"
            >
              {pending === 'stop' ? 'Stopping…' : 'Stop execution'}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setConfirmStop(false)} disabled={!idle}>
              Keep running
            </button>
          </div>
        )}
        {canWrite && plan.redrivable && !stuck && (
          <>
            <button
              type="button"
              className="btn"
              onClick={() => void run('redrive', (afterId) => redriveExecution(ref, afterId))}
              disabled={!idle}
              title="Rerun from the state that did not succeed, with the same input; steps that succeeded are kept"
              data-testid="action-redrive"
            >
              {pending === 'redrive' ? 'Redriving…' : 'Redrive'}
            </button>
            <span className={styles.plan} data-testid="redrive-plan" data-resumes-at={plan.resumesAt}>
              runs <strong>{plan.resumesAt}</strong> again
              {plan.path.length > 0 && <>, then {plan.path.join(' → ')}</>}
            </span>
          </>
        )}
        {!plan.redrivable && ENDED_UNSUCCESSFULLY.has(status) && (
          <span className={styles.plan} data-testid="redrive-unavailable" title={`No Redrive: ${plan.reason}`}>
            No Redrive: {plan.reason}
          </span>
        )}
        {canWrite && (
        <button
          type="button"
          className="btn"
          onClick={rerun}
          disabled={!idle}
          title="Start a new execution with the same input (a new order for the saga)"
          data-testid="action-rerun"
        >
          {pending === 'rerun' ? 'Starting…' : 'Run again'}
        </button>
        )}
      </div>
      <ExportMenu target={target} reading={reading} enabled={hydrated} onError={setError} />
      <CompareForm target={target} />
      {error && (
        <p className={styles.error} role="alert" data-testid="action-error">
          {error}
        </p>
      )}
    </div>
  );
}
