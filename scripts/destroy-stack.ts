/**
 * `npm run destroy`: `cdk destroy` (arguments passed through, e.g. `--force` for CI), then
 * infra/outputs.json goes too, so no dashboard is left pointing at deleted resources.
 * The file stays if the destroy fails: the stack, and what it names, still exist.
 */

/** Where `npm run deploy` writes the stack's outputs (its --outputs-file). */
export const OUTPUTS_FILE = 'infra/outputs.json';

export function destroy(run: (args: string[]) => number, remove: (path: string) => void, args: string[]): number {
  const status = run(['destroy', ...args]);
  if (status === 0) remove(OUTPUTS_FILE);
  return status;
}
