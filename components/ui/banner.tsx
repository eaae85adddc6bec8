'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/**
 * The one way the dashboard shows a failure it cannot fix itself: what happened, in a
 * sentence, and a Retry that re-runs the server render (router.refresh) or a given action.
 */
export function ErrorBanner({
  title,
  message,
  onRetry,
  tone = 'error',
}: {
  title: string;
  message: string;
  onRetry?: () => void;
  tone?: 'error' | 'quiet';
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = onRetry ?? (() => startTransition(() => router.refresh()));
  return (
    <div className={`banner${tone === 'quiet' ? ' banner--quiet' : ''}`} role="alert" data-testid="error-banner">
      <svg className="banner__icon" width="28" height="28" viewBox="0 0 24 24" aria-hidden="true">
        <path fill="currentColor" d="M12 2 1 21h22L12 2Zm0 5.5 7.5 12h-15L12 7.5ZM11 11v4h2v-4h-2Zm0 5v2h2v-2h-2Z" />
      </svg>
      <div className="banner__body">
        <div className="banner__title">{title}</div>
        <div>{message}</div>
      </div>
      <button type="button" className="btn" onClick={retry} disabled={pending} data-testid="retry">
        {pending ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
