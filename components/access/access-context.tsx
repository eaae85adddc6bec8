'use client';

import { createContext, type ReactNode, useContext } from 'react';
import { machineListed, type DashboardMode } from '@/lib/access/policy';

/**
 * What this viewer may change, so write controls are hidden from those who may not use
 * them. Only a courtesy: every write is checked again on the server (lib/access/server).
 */
export type ClientAccess = {
  mode: DashboardMode;
  /** the mode and the session allow writing at all */
  canWrite: boolean;
  /** the allow-list, as ARNs */
  writable: readonly string[];
  sagaArn: string | undefined;
};

const AccessContext = createContext<ClientAccess>({ mode: 'read-only', canWrite: false, writable: [], sagaArn: undefined });

export function AccessProvider({ value, children }: { value: ClientAccess; children: ReactNode }) {
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

/** Whether this viewer may write on the machine (the saga when omitted). */
export function useCanWrite(stateMachineArn?: string): boolean {
  const { canWrite, writable, sagaArn } = useContext(AccessContext);
  const arn = stateMachineArn ?? sagaArn;
  return canWrite && arn !== undefined && machineListed(writable, arn);
}

export const useAccessMode = (): DashboardMode => useContext(AccessContext).mode;
