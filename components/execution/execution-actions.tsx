'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import type { ExecutionReading, ExecutionStatus } from '@/lib/history/types';
import { executionEventsKey } from '@/lib/live/use-live-events';
import { mergeEvents } from '@/lib/sfn/reshape';
import type { ExecutionEvent } from '@/lib/sfn/types';
import { type ActionResult, redriveExecution, runAgain, stopExecution } from './actions';
import styles from './actions.module.css';
import { CompareForm } from './compare-form';
import { useExecutionTarget } from './execution-target';
import { ExportMenu } from './export-menu';
import { useHydrated } from './use-hydrated';

/** AWS redrives only these (and only Standard executions, within 14 days: the service checks). */
const REDRIVABLE: ReadonlySet<ExecutionStatus> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

type Pending = 'stop' | 'redrive' | 'rerun' | undefined;

/**
 * Stop, Redrive, Run again, Export and Compare for the execution on screen. Stop and
 * Redrive merge the events they caused into the live cache, so the graph changes at once
 * and the live stream (which reopens after a redrive) carries on from there.
 */
export function ExecutionActions({ reading }: { reading: ExecutionReading }) {
  const target = useExecutionTarget();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending>();
  const [, startTransition] = useTransition();
  const [confirmStop, setConfirmStop] = useState(false);
  const [error, setError] = useState<string>();
  const hydrated = useHydrated();
  if (!target) return null;
  const idle = hydrated && pending === undefined;

  const ref = { name: target.name, stateMachineArn: target.stateMachineArn };
  const key = executionEventsKey(target.executionArn);
  const status = reading.executionStatus;

  const apply = async (which: 'stop' | 'redrive', call: (afterId: number) => Promise<ActionResult>) => {
    setPending(which);
    setError(undefined);
    const known = queryClient.getQueryData<readonly ExecutionEvent[]>(key) ?? [];
    const result = await call(known.at(-1)?.id ?? 0).catch(() => ({
      status: 'error' as const,
      message: 'Cannot reach the dashboard; nothing was changed. Check the connection and retry.',
    }));
    setPending(undefined);
    setConfirmStop(false);
    if (result.status !== 'done') return setError(result.message);
    queryClient.setQueryData<readonly ExecutionEvent[]>(key, (old) => mergeEvents(old ?? [], result.events));
  };

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
        {status === 'RUNNING' && !confirmStop && (
          <button type="button" className="btn" onClick={() => setConfirmStop(true)} disabled={!idle} data-testid="action-stop">
            Stop…
          </button>
        )}
        {status === 'RUNNING' && confirmStop && (
          <div className={styles.confirm} role="alertdialog" aria-label="Confirm stop" data-testid="stop-confirm">
            <span>Stop it? It ends ABORTED; steps already done are not undone.</span>
            <button
              type="button"
              className={`btn ${styles.danger}`}
              onClick={() => void apply('stop', (afterId) => stopExecution(ref, afterId))}
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
        {REDRIVABLE.has(status) && (
          <button
            type="button"
            className="btn"
            onClick={() => void apply('redrive', (afterId) => redriveExecution(ref, afterId))}
            disabled={!idle}
            title="Rerun from the state that did not succeed, with the same input; steps that succeeded are kept"
            data-testid="action-redrive"
          >
            {pending === 'redrive' ? 'Redriving…' : 'Redrive'}
          </button>
        )}
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
      </div>
      <ExportMenu target={target} enabled={hydrated} onError={setError} />
      <CompareForm target={target} />
      {error && (
        <p className={styles.error} role="alert" data-testid="action-error">
          {error}
        </p>
      )}
    </div>
  );
}
