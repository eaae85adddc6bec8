'use client';

import { useEffect, useRef, useState } from 'react';
import styles from './detail.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

const LABEL: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' };

/** Copies text to the clipboard and says whether it worked (the clipboard may be denied). */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const reset = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(reset.current), []);

  const copy = async () => {
    clearTimeout(reset.current);
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    reset.current = setTimeout(() => setState('idle'), 2_000);
  };

  return (
    <button
      type="button"
      className={`btn ${styles.copy}`}
      onClick={() => void copy()}
      aria-label={`${LABEL[state]}: ${label}`}
      data-testid={testId}
      data-state={state}
    >
      <span aria-live="polite">{LABEL[state]}</span>
    </button>
  );
}
