import styles from './aggregate.module.css';

/** The aggregate's place while its executions are listed: the status line and the heatmap's card, so nothing jumps when they arrive. */
export function AggregatePending() {
  return (
    <>
      <div className={styles.status} data-testid="aggregate-status" data-state="listing" aria-busy="true">
        <span>Listing the executions…</span>
      </div>
      <div className={styles.body}>
        <div className={`skeleton ${styles.graphCard}`} />
        <div className={styles.side}>
          <div className="skeleton" style={{ height: '12rem' }} />
          <div className="skeleton" style={{ height: '16rem' }} />
        </div>
      </div>
    </>
  );
}
