/**
 * `npm run destroy`: `cdk destroy` (arguments passed through, e.g. `--force` for CI), then
 * infra/outputs.json goes too, so no dashboard is left pointing at deleted resources.
 * The file stays if the destroy fails: the stack, and what it names, still exist.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from '../lib/env';

/** Where `npm run deploy` writes the stack's outputs (its --outputs-file). */
export const OUTPUTS_FILE = 'infra/outputs.json';

export function destroy(run: (args: string[]) => number, remove: (path: string) => void, args: string[]): number {
  const status = run(['destroy', ...args]);
  if (status === 0) remove(OUTPUTS_FILE);
  return status;
}

if (import.meta.main) {
  const cdk = join(process.cwd(), 'node_modules', '.bin', 'cdk');
  const status = destroy(
    (args) => spawnSync(cdk, args, { stdio: 'inherit', env: childEnv({ AWS_EC2_METADATA_DISABLED: 'true' }) }).status ?? 1,
    (path) => rmSync(path, { force: true }),
    process.argv.slice(2),
  );
  process.exit(status);
}
