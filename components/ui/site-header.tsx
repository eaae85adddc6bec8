import Link from 'next/link';
import styles from './site-header.module.css';
import { ThemeToggle } from './theme';
import { SessionChip } from '@/components/access/session-chip';
import type { ViewerAccess } from '@/lib/access/server';

export function SiteHeader({ access }: { access: ViewerAccess }) {
  return (
    <header className={styles.header} data-site-header>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand} data-testid="home-link">
          <svg width="30" height="30" viewBox="0 0 32 32" aria-hidden="true">
            <circle cx="7" cy="8" r="4" fill="var(--succeeded)" />
            <circle cx="25" cy="8" r="4" fill="var(--running)" />
            <circle cx="16" cy="24" r="4" fill="var(--compensation)" />
            <path d="M11 8h10M23 11l-5 9M13 20 9 11" stroke="currentColor" strokeWidth="2" fill="none" />
          </svg>
          <span>Saga Dashboard</span>
        </Link>
        <nav className={styles.nav} aria-label="Main">
          <Link href="/" className={styles.navLink}>
            New order
          </Link>
          <Link href="/executions" className={styles.navLink} data-testid="nav-executions">
            Executions
          </Link>
          <Link href="/batch" className={styles.navLink} data-testid="nav-batch">
            Batch
          </Link>
          <Link href="/invariants" className={styles.navLink} data-testid="nav-invariants">
            Invariants
          </Link>
          <Link href="/state-machines" className={styles.navLink} data-testid="nav-machines">
            State machines
          </Link>
          <Link href="/import" className={styles.navLink} data-testid="nav-import">
            Open a history
          </Link>
        </nav>
        <SessionChip access={access} />
        <ThemeToggle />
      </div>
    </header>
  );
}

/** Says where requests go, so nobody mistakes the local engine for an AWS account. */
export function TargetChip({ label }: { label: string }) {
  return (
    <span className={styles.target} data-testid="target">
      <span className={styles.targetDot} aria-hidden="true" />
      {label}
    </span>
  );
}
