import styles from '@/components/ui/panel.module.css';

/** The execution page's shape while its history loads. */
export function ExecutionSkeleton() {
  return (
    <main className="page" aria-busy="true" aria-label="Loading execution">
      <div className={styles.page}>
        <div className="skeleton" style={{ height: '10rem' }} />
        <div className={styles.body}>
          <div className={`skeleton ${styles.graphCard}`} />
          <div className={styles.sidebar}>
            <div className="skeleton" style={{ height: '16rem' }} />
            <div className="skeleton" style={{ height: '10rem' }} />
          </div>
        </div>
      </div>
    </main>
  );
}
