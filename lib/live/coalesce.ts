/**
 * Runs `task` now, or, if a run is already under way, once more when it ends. However many
 * calls arrive meanwhile, at most one run is in flight and one is queued.
 *
 * Why not cancel-and-restart (react-query's default for invalidation): on a loaded machine a
 * read can take longer than the gap between live batches, and restarting on every batch
 * then starves it, so the data panel would show nothing new until the execution stopped
 * moving. Letting the run finish shows each stage; the queued run then catches up.
 */
export function coalesce(task: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void task()
      .catch(() => undefined) // the task reports its own errors; a failed run must not stop the next
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}
