/** `npm run destroy`: see destroy-stack.ts. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from '../lib/env';
import { destroy } from './destroy-stack';

const cdk = join(process.cwd(), 'node_modules', '.bin', 'cdk');
const status = destroy(
  (args) => spawnSync(cdk, args, { stdio: 'inherit', env: childEnv({ AWS_EC2_METADATA_DISABLED: 'true' }) }).status ?? 1,
  (path) => rmSync(path, { force: true }),
  process.argv.slice(2),
);
process.exit(status);
