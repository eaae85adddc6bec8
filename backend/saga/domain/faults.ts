/**
 * The switches that make a step slow or flaky. Applied before a step does its work, so a
 * flaky attempt fails cleanly without a partial write.
 */
import type { AttemptsRepo } from '@/lib/saga-data/attempts-repo';
import type { ForwardStep } from '@/lib/saga/steps';
import type { SagaInput } from '@/lib/saga/input';
import { TransientError } from '@/lib/saga/errors';

export type Effects = {
  /** ISO timestamp for records */
  now: () => string;
  sleep: (ms: number) => Promise<void>;
};

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
