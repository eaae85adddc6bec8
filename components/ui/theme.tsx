'use client';

import { useSyncExternalStore } from 'react';

/**
 * Light/dark toggle. The OS preference applies until the user picks a side; the choice
 * lives in localStorage and on <html data-theme>, which globals.css reads.
 */
const STORAGE_KEY = 'saga-theme';
type Theme = 'light' | 'dark';

/** Runs before first paint (see ThemeScript) so a stored choice never flashes. */
const applyStoredTheme = `try{var t=localStorage.getItem('${STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

/** `nonce`: the request's CSP nonce (proxy.ts); without it the browser would refuse this inline script. */
export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return (
    <script
      nonce={nonce}
      type={typeof window === 'undefined' ? 'text/javascript' : 'text/plain'}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: applyStoredTheme }}
    />
  );
}

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

export function ThemeToggle() {
  const theme = useSyncExternalStore<Theme | undefined>(subscribe, currentTheme, () => undefined);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="btn btn--ghost"
      data-testid="theme-toggle"
      aria-label={`Switch to ${next} mode`}
      title={`Switch to ${next} mode`}
      onClick={() => {
        document.documentElement.dataset.theme = next;
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Private mode: the choice lasts for this page only, which is fine.
        }
      }}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      <span className="visually-hidden">Toggle theme</span>
    </button>
  );
}
