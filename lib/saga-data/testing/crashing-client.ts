/**
 * Test support: a DynamoDB document client that behaves like a process killed at a chosen
 * write. It lets `plan.afterWrites` writes through, then dies either before the next write
 * is sent or after DynamoDB applied it but before its answer was seen; from then on every
 * call fails, as nothing runs in a dead process. Without a plan it only counts writes, so
 * a test can enumerate every write boundary of an uncrashed run.
 */
import { BatchWriteCommand, DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaClients } from '../clients';

export class SimulatedCrash extends Error {
  override name = 'SimulatedCrash';
}

export const CRASH_MOMENTS = ['before-send', 'after-apply'] as const;
export type CrashMoment = (typeof CRASH_MOMENTS)[number];
export type CrashPlan = { afterWrites: number; moment: CrashMoment };

const isWrite = (command: unknown): boolean =>
  command instanceof PutCommand ||
  command instanceof UpdateCommand ||
  command instanceof DeleteCommand ||
  command instanceof BatchWriteCommand;

type Send = (command: unknown) => Promise<unknown>;

export function crashingClients(healthy: SagaClients, plan?: CrashPlan): { clients: SagaClients; writes: () => number } {
  const forward = healthy.doc.send.bind(healthy.doc) as Send;
  let writes = 0;
  let dead = false;
  const send: Send = async (command) => {
    if (dead) throw new SimulatedCrash('the process is dead');
    if (!isWrite(command)) return forward(command);
    if (plan && writes === plan.afterWrites) {
      dead = true;
      // The write lands (or is refused by its condition); the caller never hears which.
      if (plan.moment === 'after-apply') await forward(command).catch(() => undefined);
      throw new SimulatedCrash(`killed ${plan.moment} write ${writes + 1}`);
    }
    writes++;
    return forward(command);
  };
  return { clients: { doc: { send } as unknown as SagaClients['doc'] }, writes: () => writes };
}
