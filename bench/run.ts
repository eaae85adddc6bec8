/**
 * `npm run bench`: every bench/*.bench.ts in turn, each in its own process so one
 * bench's warm caches and servers never flatter the next. Exits non-zero if one fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const benches = readdirSync(dir).filter((file) => file.endsWith('.bench.ts')).sort();
let failed = 0;
for (const file of benches) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`bench ${file} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
