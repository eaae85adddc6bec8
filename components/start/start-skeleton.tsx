import styles from './start.module.css';

/** The start page's shape while the state machine loads: no blank screen, no layout jump. */
export function StartSkeleton() {
  return (
    <main className="page" aria-busy="true" aria-label="Loading">
      <div className={styles.intro}>
        <div className="skeleton" style={{ width: '18rem', height: '2.4rem' }} />
      </div>
      <div className={styles.layout}>
        <div className={`skeleton ${styles.graphCard}`} />
        <div className={`card ${styles.panel}`}>
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="skeleton" style={{ height: i === 0 ? '5.5rem' : '3.2rem', marginBottom: '0.9rem' }} />
          ))}
        </div>
      </div>
    </main>
  );
}
