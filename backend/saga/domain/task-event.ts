/**
 * What every saga Task receives (the definition's Parameters): the whole payload (the
 * execution input plus `results` and `errors` added by ResultPath) and the execution name.
 * The order id is derived here, the same way in every step, so compensations find what
 * the forward steps wrote even when those failed before returning anything.
 */
import { z } from 'zod';
import { orderIdFor, parseSagaInput, type SagaInput } from '@/lib/saga/input';
import { InvalidSagaInput } from '@/lib/saga/errors';

const stepError = z.object({ Error: z.string(), Cause: z.string().optional() });
export type StepError = z.infer<typeof stepError>;

const envelope = z.object({
  payload: z.record(z.string(), z.unknown()),
  executionName: z.string().min(1),
  /** `$$.State.Name`: which state runs this step (its log lines carry it) */
  stateName: z.string().min(1).optional(),
  /** `$$.Execution.RedriveCount`: 0 on the first run, 1 after the first redrive... */
  redriveCount: z.number().int().min(0).optional(),
});

export type TaskContext = {
  executionName: string;
  /** undefined when the event does not say (a direct invoke, a blueprint payload) */
  stateName: string | undefined;
  orderId: string;
  /** undefined when the execution input is invalid; `inputProblem` then says why */
  input: SagaInput | undefined;
  inputProblem: string | undefined;
  /** errors caught so far, by the key the definition's Catch ResultPath gave them */
  errors: Record<string, StepError>;
  /** 0 unless this run was redriven (states that do not pass it read as 0) */
  redriveCount: number;
};

function readErrors(raw: unknown): Record<string, StepError> {
  if (typeof raw !== 'object' || raw === null) return {};
  const entries = Object.entries(raw).flatMap(([key, value]) => {
    const parsed = stepError.safeParse(value);
    return parsed.success ? [[key, parsed.data] as const] : [];
  });
  return Object.fromEntries(entries);
}

export function readTaskEvent(event: unknown): TaskContext {
  const parsed = envelope.safeParse(event);
  if (!parsed.success) {
    throw new InvalidSagaInput(`Task event must be {payload, executionName}: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  const { payload, executionName, stateName, redriveCount } = parsed.data;
  // `results` and `errors` are the definition's own keys, not part of what the user sent.
  const { results: _results, errors, ...sent } = payload;
  const input = parseSagaInput(sent);
  return {
    executionName,
    stateName,
    orderId: orderIdFor(input.ok ? input.value : undefined, executionName),
    input: input.ok ? input.value : undefined,
    inputProblem: input.ok ? undefined : input.message,
    errors: readErrors(errors),
    redriveCount: redriveCount ?? 0,
  };
}

/** Forward steps refuse to act on an invalid input (and write nothing). */
export function requireInput(ctx: TaskContext): SagaInput {
  if (!ctx.input) throw new InvalidSagaInput(ctx.inputProblem ?? 'invalid input');
  return ctx.input;
}
