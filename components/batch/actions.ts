'use server';

/**
 * Every write the batch, aggregate and invariants pages make: start, resume and cancel a
 * batch. The other two pages only read. Each action validates, then acts through
 * lib/batch/server, and returns a typed result for what a person can fix.
 */
import { redirect } from 'next/navigation';
import { parseBatchSettings, decodeSettings, encodeSettings } from '@/lib/batch/settings';
import { cancelHere, newBatchId, runHere } from '@/lib/batch/server';
import { BATCH_ID_PATTERN } from '@/lib/saga/names';
import { errorInfo } from '@/lib/sfn';
import { requireWrite } from '@/lib/access/server';
import { settingsFromForm } from './form-settings';
import { batchHref } from './urls';

export type BatchFormState = { status: 'idle' } | { status: 'invalid'; problems: string[] } | { status: 'error'; message: string };

export async function startBatch(_previous: BatchFormState, form: FormData): Promise<BatchFormState> {
  // Who may start one is settled before the form is read (401/403 whatever it holds); what it
  // spends of the session's rate follows from its order count, so a refused form spends nothing.
  const allowed = await requireWrite(undefined, { writes: 0 });
  if (!allowed.ok) return { status: 'error', message: allowed.message };
  const parsed = parseBatchSettings(settingsFromForm(form));
  if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
  const write = await requireWrite(undefined, { orders: parsed.settings.count });
  if (!write.ok) return { status: 'error', message: write.message };
  const batchId = newBatchId();
  try {
    runHere(batchId, parsed.settings);
  } catch (error) {
    return { status: 'error', message: errorInfo(error).message };
  }
  redirect(batchHref(batchId, encodeSettings(parsed.settings)));
}

export type BatchActionResult = { ok: true } | { ok: false; message: string };

/** Starts what a batch has not started yet (after a restart of the dashboard); started orders are found, not repeated. */
export async function resumeBatch(batchId: string, settingsToken: string): Promise<BatchActionResult> {
  const allowed = await requireWrite(undefined, { writes: 0 });
  if (!allowed.ok) return allowed;
  if (!BATCH_ID_PATTERN.test(batchId)) return { ok: false, message: 'Not a batch id.' };
  const parsed = decodeSettings(settingsToken);
  if (!parsed.ok) return { ok: false, message: parsed.problems.join('; ') };
  // Priced as the whole batch: what is left to start is not known until Step Functions is listed.
  const write = await requireWrite(undefined, { orders: parsed.settings.count });
  if (!write.ok) return write;
  try {
    runHere(batchId, parsed.settings);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: errorInfo(error).message };
  }
}

/** Stops starting more orders; the sagas already running finish, so their data ends consistent. */
export async function cancelBatch(batchId: string): Promise<BatchActionResult> {
  const write = await requireWrite();
  if (!write.ok) return write;
  if (!BATCH_ID_PATTERN.test(batchId)) return { ok: false, message: 'Not a batch id.' };
  return cancelHere(batchId) ? { ok: true } : { ok: false, message: 'This batch is not starting orders here any more.' };
}
