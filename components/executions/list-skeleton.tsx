import styles from './executions.module.css';

/** The list's shape while the first page is read, so nothing jumps when it arrives. */
export function ListSkeleton() {
  return (
    <main className="page" aria-busy="true" aria-label="Loading executions">
      <div className={styles.intro}>
        <h1>Executions</h1>
      </div>
      <div className={`skeleton ${styles.filters}`} style={{ height: '5.2rem' }} />
      <section className={`card ${styles.tableCard}`}>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className={`skeleton ${styles.skeletonRow}`} />
        ))}
      </section>
    </main>
  );
}
