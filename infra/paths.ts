/** Paths the CDK app bundles from, resolved from this file so synth works from any cwd. */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** A saga Lambda entry file (backend/saga/lambda/<name>.ts). */
export const lambdaEntry = (name: string): string => `${REPO_ROOT}/backend/saga/lambda/${name}.ts`;
