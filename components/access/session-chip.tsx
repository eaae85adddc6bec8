import Link from 'next/link';
import type { ViewerAccess } from '@/lib/access/server';
import { signOutAction } from './actions';
import styles from './access.module.css';

/** In the header: who this viewer is in a shared or read-only dashboard; nothing in local mode. */
export function SessionChip({ access }: { access: ViewerAccess }) {
  if (access.mode === 'local') return null;
  if (access.mode === 'read-only') {
    return (
      <span className={styles.chip} data-testid="access-mode">
        Read-only
      </span>
    );
  }
  if (!access.signedIn) {
    return (
      <Link href="/sign-in" className={styles.chip} data-testid="sign-in-link">
        Watching · Sign in
      </Link>
    );
  }
  return (
    <form action={signOutAction} className={styles.chipForm}>
      <span className={styles.chip} data-testid="access-mode">
        Operator
      </span>
      <button type="submit" className="btn btn--ghost" data-testid="sign-out">
        Sign out
      </button>
    </form>
  );
}
