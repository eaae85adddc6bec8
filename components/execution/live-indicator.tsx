import type { LiveStatus } from '@/lib/live/status';
import styles from './execution.module.css';

const TEXT: Record<LiveStatus['state'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  throttled: 'Throttled, backing off',
  unavailable: 'Reconnecting…',
  ended: 'Final',
  failed: 'Not live',
};

/** A quiet badge: live updates are the normal case and should not shout. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const title =
    status.state === 'unavailable' || status.state === 'failed'
      ? status.message
      : status.state === 'throttled'
        ? `Step Functions asked us to slow down; next try in ${Math.ceil(status.retryInMs / 1000)} s`
        : undefined;
  return (
    <span className={styles.live} data-state={status.state} data-testid="live-status" title={title} aria-live="polite">
      <span className={styles.liveDot} aria-hidden="true" />
      {TEXT[status.state]}
    </span>
  );
}
