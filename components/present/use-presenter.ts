'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect } from 'react';

/** The URL switch: `?present` on any execution or start URL. */
export const PRESENT_PARAM = 'present';
/** Kept for the tab, so `r` or a digit, which open a new execution, stay in presenter mode. */
const SESSION_KEY = 'saga-dashboard:present';

function remember(on: boolean): void {
  try {
    if (on) sessionStorage.setItem(SESSION_KEY, '1');
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage can be off (private windows); the URL still says it.
  }
}

function remembered(): boolean {
  try {
    return sessionStorage.getItem(SESSION_KEY) === '1';
  } catch {
    return false;
  }
}

/** The current URL with `?present` set or removed, other parameters (`?sm=`) kept. */
function urlWith(on: boolean): string {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set(PRESENT_PARAM, '');
  else url.searchParams.delete(PRESENT_PARAM);
  // `?present=` reads as well as `?present`; keep the short form people type.
  return `${url.pathname}${url.search.replace(`${PRESENT_PARAM}=`, PRESENT_PARAM)}${url.hash}`;
}

/**
 * Next syncs useSearchParams with our own replaceState calls, but skips any whose state
 * object is its own (which `history.state` is): so the state passed is null.
 */
const replaceUrl = (url: string) => window.history.replaceState(null, '', url);

/**
 * Presenter mode: on when the URL says `?present`. The `p` key toggles it by rewriting the
 * URL in place (Next keeps useSearchParams in step with history.replaceState, with no
 * server round trip). A page opened by `r` or a digit in presenter mode comes up in it too.
 */
export function usePresenter(): { on: boolean; toggle: () => void } {
  const on = useSearchParams().has(PRESENT_PARAM);
  useEffect(() => {
    if (on) remember(true);
    else if (remembered()) replaceUrl(urlWith(true));
  }, [on]);
  const toggle = useCallback(() => {
    remember(!on);
    replaceUrl(urlWith(!on));
  }, [on]);
  return { on, toggle };
}
