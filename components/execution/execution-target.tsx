'use client';

import { createContext, type ReactNode, useContext } from 'react';
import type { GraphBounds } from '@/lib/asl/bounds';
import type { LaidOutGraph } from '@/lib/asl/types';

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
  /** the drawing's boxes and edges: the SVG export draws them as vector shapes */
  layout: LaidOutGraph;
};

const TargetContext = createContext<ExecutionTarget | undefined>(undefined);

export function ExecutionTargetProvider({ value, children }: { value: ExecutionTarget; children: ReactNode }) {
  return <TargetContext.Provider value={value}>{children}</TargetContext.Provider>;
}

export const useExecutionTarget = (): ExecutionTarget | undefined => useContext(TargetContext);
