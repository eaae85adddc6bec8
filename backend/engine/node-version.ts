/**
 * aws-local-stepfunctions needs Promise.withResolvers (Node >= 22). On older Node every
 * Task fails with a TypeError that `States.ALL` then catches, which looks like a business
 * failure, so the engine refuses to start instead.
 */
export class UnsupportedNodeError extends Error {
  override name = 'UnsupportedNodeError';
}

export const MIN_NODE_MAJOR = 22;

export function assertSupportedNode(version: string = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (!(major >= MIN_NODE_MAJOR)) {
    throw new UnsupportedNodeError(
      `The local engine needs Node.js ${MIN_NODE_MAJOR} or newer (this is ${version}); ` +
        'run it through npm (`npm run engine`), which uses the Node 24 the project installs.',
    );
  }
}
