/**
 * The switches that make a step held, slow or flaky. Applied before a step does its work,
 * so a flaky attempt fails cleanly without a partial write, and a held step has written
 * nothing while it waits.
 */
import type { AttemptsRepo } from '@/lib/saga-data/attempts-repo';
import type { HoldsRepo } from '@/lib/saga-data/holds-repo';
import type { ForwardStep, SagaStep } from '@/lib/saga/steps';
import type { SagaInput } from '@/lib/saga/input';
import { HoldNotReleased, TransientError } from '@/lib/saga/errors';

export type Effects = {
  /** ISO timestamp for records */
  now: () => string;
  sleep: (ms: number) => Promise<void>;
};

/** How often a held step looks for its release. */
export const HOLD_POLL_MS = 250;
/** How long it waits in all: under the Lambdas' 30 s timeout, so it fails with its own error. */
export const HOLD_LIMIT_MS = 25_000;

/**
 * The holdStep switch: waits until the step's release record exists (see holds-repo),
 * looking every HOLD_POLL_MS on the injected sleep. Every attempt and every redrive after
 * the release goes straight on.
 */
export async function holdUntilReleased(
  input: SagaInput | undefined,
  step: SagaStep,
  orderId: string,
  deps: Pick<Effects, 'sleep'> & { holds: HoldsRepo },
): Promise<void> {
  if (input?.holdStep !== step) return;
  for (let waited = 0; !(await deps.holds.isReleased(orderId, step)); waited += HOLD_POLL_MS) {
    if (waited >= HOLD_LIMIT_MS) {
      throw new HoldNotReleased(`${step} was held for order ${orderId} and not released within ${HOLD_LIMIT_MS / 1_000} s (holdStep)`);
    }
    await deps.sleep(HOLD_POLL_MS);
  }
}

export async function simulateLatency(input: SagaInput | undefined, effects: Effects): Promise<void> {
  if (input && input.latencyMs > 0) await effects.sleep(input.latencyMs);
}

export async function simulateFlakiness(
  input: SagaInput,
  step: ForwardStep,
  orderId: string,
  attempts: AttemptsRepo,
): Promise<void> {
  if (input.flakyStep !== step) return;
  const attempt = await attempts.next(orderId, step);
  if (attempt <= input.flakyAttempts) {
    throw new TransientError(`${step} attempt ${attempt} fails on purpose (flakyStep: ${input.flakyAttempts} failing attempts)`);
  }
}
