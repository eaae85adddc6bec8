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
  // One write however many orders: the runner paces the starts itself.
  const write = await requireWrite();
  if (!write.ok) return { status: 'error', message: write.message };
  const parsed = parseBatchSettings(settingsFromForm(form));
  if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
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
  const write = await requireWrite();
  if (!write.ok) return write;
  if (!BATCH_ID_PATTERN.test(batchId)) return { ok: false, message: 'Not a batch id.' };
  const parsed = decodeSettings(settingsToken);
  if (!parsed.ok) return { ok: false, message: parsed.problems.join('; ') };
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
