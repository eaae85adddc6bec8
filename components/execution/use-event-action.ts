'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { executionEventsKey } from '@/lib/live/use-live-events';
import { mergeEvents } from '@/lib/sfn/reshape';
import type { ExecutionEvent } from '@/lib/sfn/types';
import type { ActionResult } from './actions';

/**
 * Runs an action that changes the execution (Stop, Redrive) and merges the events it caused
 * into the live cache, so the graph changes at once and the live stream (which reopens
 * after a redrive) carries on from there. One action at a time per caller.
 */
export function useEventAction<Which extends string>(executionArn: string | undefined) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Which>();
  const [error, setError] = useState<string>();

  const run = async (which: Which, call: (afterId: number) => Promise<ActionResult>): Promise<boolean> => {
    if (!executionArn) return false;
    const key = executionEventsKey(executionArn);
    setPending(which);
    setError(undefined);
    const known = queryClient.getQueryData<readonly ExecutionEvent[]>(key) ?? [];
    const result = await call(known.at(-1)?.id ?? 0).catch(() => ({
      status: 'error' as const,
      message: 'Cannot reach the dashboard; nothing was changed. Check the connection and retry.',
    }));
    setPending(undefined);
    if (result.status !== 'done') {
      setError(result.message);
      return false;
    }
    queryClient.setQueryData<readonly ExecutionEvent[]>(key, (old) => mergeEvents(old ?? [], result.events));
    return true;
  };

  return { pending, setPending, error, setError, run };
}
