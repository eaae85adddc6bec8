'use client';

import Link from 'next/link';
import { useAccessMode } from './access-context';

/** Said where a write control would be, to a viewer who may not write. */
export function WritesClosed() {
  const mode = useAccessMode();
  if (mode === 'read-only') return <span data-testid="writes-closed">This dashboard is read-only: watching only.</span>;
  if (mode === 'local') return <span data-testid="writes-closed">This state machine is not on the allow-list.</span>;
  return (
    <span data-testid="writes-closed">
      Watching only. <Link href="/sign-in">Sign in as the operator</Link> to start runs.
    </span>
  );
}
