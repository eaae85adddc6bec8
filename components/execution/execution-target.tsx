'use client';

import { createContext, type ReactNode, useContext } from 'react';
import type { GraphBounds } from '@/lib/asl/bounds';

/**
 * The execution on screen, for the header's actions: which one to act on and the extent
 * of its drawing. Provided by the execution page only, so the import page, which shows a
 * file and has nothing to act on, renders the same header without actions.
 */
export type ExecutionTarget = {
  name: string;
  executionArn: string;
  /** as given in the URL (`?sm=`); absent for the saga */
  stateMachineArn?: string;
  graphBounds: GraphBounds;
};

const TargetContext = createContext<ExecutionTarget | undefined>(undefined);

export function ExecutionTargetProvider({ value, children }: { value: ExecutionTarget; children: ReactNode }) {
  return <TargetContext.Provider value={value}>{children}</TargetContext.Provider>;
}

export const useExecutionTarget = (): ExecutionTarget | undefined => useContext(TargetContext);
