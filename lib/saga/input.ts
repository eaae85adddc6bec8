/**
 * The saga's execution input: the order plus the failure switches a presenter flips.
 * One zod schema, used by the dashboard form (before anything starts) and again by every
 * handler (defensively: on AWS anyone can start an execution with any input).
 * Browser-safe: no Node imports.
 */
import { z } from 'zod';
import { isRecord } from '../core/values';
import { COMPENSATION_STEPS, DEFAULT_SKU, FORWARD_STEPS, INPUT_BOUNDS, SAGA_STEPS } from './steps';

/** DynamoDB keys and Step Functions execution names both accept this alphabet. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const between = (b: { min: number; max: number }) => z.number().min(b.min).max(b.max);

export const sagaInputSchema = z.strictObject({
  orderId: z.string().regex(ID_PATTERN, 'use 1-64 letters, digits, "-" or "_"').optional(),
  item: z.string().regex(ID_PATTERN, 'use 1-64 letters, digits, "-" or "_"').default(DEFAULT_SKU),
  quantity: between(INPUT_BOUNDS.quantity).int().default(1),
  amount: between(INPUT_BOUNDS.amount).default(49.99),
  failCreateOrder: z.boolean().default(false),
  failInventoryUpdate: z.boolean().default(false),
  failProcessPayment: z.boolean().default(false),
  failCompensation: z.enum(COMPENSATION_STEPS).optional(),
  flakyStep: z.enum(FORWARD_STEPS).optional(),
  /** how many attempts of `flakyStep` fail with TransientError before one succeeds */
  flakyAttempts: between(INPUT_BOUNDS.flakyAttempts).int().default(2),
  /** every step (compensations too) sleeps this long first, so a presenter can watch */
  latencyMs: between(INPUT_BOUNDS.latencyMs).int().default(0),
  /**
   * A test and demo switch, kept out of the form and the presets: this step waits, before
   * doing anything, until a release record for its order and step appears in its table,
   * so a test catches the saga mid-run for as long as it needs instead of racing a
   * latency window. Unreleased, the step fails after a bound shorter than its timeout.
   */
  holdStep: z.enum(SAGA_STEPS).optional(),
});

export type SagaInput = z.output<typeof sagaInputSchema>;
/** What a caller may send: every field optional. */
export type SagaInputFields = z.input<typeof sagaInputSchema>;

export type ParseResult = { ok: true; value: SagaInput } | { ok: false; field: string; message: string };

const refuse = (field: string, message: string): ParseResult => ({ ok: false, field, message });

/**
 * The blueprint sends its flags as `{"body": "<json string>"}` (an API Gateway event);
 * merge that body with any plain fields, refusing a field given both ways.
 */
function unwrapBody(raw: Record<string, unknown>): { fields: Record<string, unknown> } | { refused: ParseResult } {
  if (!('body' in raw)) return { fields: raw };
  const { body, ...plain } = raw;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return { refused: refuse('body', 'body: must be a JSON string of an object, e.g. "{\\"failProcessPayment\\": true}"') };
    }
  }
  if (!isRecord(parsed)) return { refused: refuse('body', 'body: must hold a JSON object') };
  for (const key of Object.keys(parsed)) {
    if (key in plain) return { refused: refuse(key, `${key}: given both inside body and as a plain field`) };
  }
  return { fields: { ...plain, ...parsed } };
}

export function parseSagaInput(raw: unknown): ParseResult {
  const input = raw ?? {};
  if (!isRecord(input)) return refuse('(input)', 'The input must be a JSON object');
  const unwrapped = unwrapBody(input);
  if ('refused' in unwrapped) return unwrapped.refused;
  const result = sagaInputSchema.safeParse(unwrapped.fields);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  if (!issue) return refuse('(input)', 'Invalid input');
  if (issue.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? '(input)';
    return refuse(field, `${field}: unknown switch (allowed: ${Object.keys(sagaInputSchema.shape).join(', ')})`);
  }
  const field = issue.path.map(String).join('.') || '(input)';
  return refuse(field, `${field}: ${issue.message}`);
}

/**
 * The order an execution works on: the input's orderId, or one derived from the execution
 * name. Every handler derives it this way, so the dashboard can find an order's data for
 * any execution, including the blueprint's payloads, which carry no orderId.
 */
export const orderIdFor = (input: SagaInput | undefined, executionName: string): string =>
  input?.orderId ?? `ord-${executionName}`;

