/** The batch pages' URLs: a batch's page carries its settings, so it can be rebuilt after a restart. */
export const batchHref = (batchId: string, settingsToken: string): string =>
  `/batch?id=${encodeURIComponent(batchId)}&s=${encodeURIComponent(settingsToken)}`;

export const batchApiPath = (batchId: string, settingsToken: string): string =>
  `/api/batches/${encodeURIComponent(batchId)}?s=${encodeURIComponent(settingsToken)}`;
