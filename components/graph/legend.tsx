import { STATE_STATUSES } from '@/lib/history/types';
import styles from './graph.module.css';
import { STATUS_LABEL, STATUS_VAR, StatusIcon } from './status';

/** Explains the drawing: status words and icons, and the two kinds of path. */
export function GraphLegend({ statuses = true }: { statuses?: boolean }) {
  return (
    <div className={styles.legend} aria-label="Legend">
      <span className={styles.legendItem}>
        <span className={styles.legendLine} aria-hidden="true" /> forward path
      </span>
      <span className={styles.legendItem}>
        <span className={`${styles.legendLine} ${styles.legendLineCompensation}`} aria-hidden="true" /> compensation
      </span>
      {statuses &&
        STATE_STATUSES.map((status) => (
          <span key={status} className={styles.legendItem} data-tone={STATUS_VAR[status]} style={{ color: 'var(--tone)' }}>
            <StatusIcon status={status} size={16} />
            <span style={{ color: 'var(--text-muted)' }}>{STATUS_LABEL[status]}</span>
          </span>
        ))}
    </div>
  );
}
