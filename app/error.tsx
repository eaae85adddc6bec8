'use client';

import { ErrorBanner } from '@/components/ui/banner';

/**
 * Last line of defence for failures no page turned into a banner itself. In production
 * Next replaces server error messages with a digest, so this says what to do, not what
 * the stack said.
 */
export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <main className="page">
      <ErrorBanner
        title="Something went wrong"
        message={`The dashboard could not render this page. Check that the engine or AWS is reachable, then retry.${digest ? ` (ref ${digest})` : ''}`}
        onRetry={retry}
      />
    </main>
  );
}
