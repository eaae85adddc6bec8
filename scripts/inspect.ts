/** `npm run -s inspect -- FILE [--definition FILE] [--format json|table] [--at N]`: see scripts/inspect-run.ts. */
import { runInspect } from './inspect-run';

const result = await runInspect(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
