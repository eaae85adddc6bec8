/**
 * Node flags the engine process runs with. Measured: the engine's live heap stays ~30 MB
 * however many executions it has run (finished ones live only in SQLite), but with V8's
 * default semispaces the young generation alone keeps ~100 MB resident once touched, and
 * RSS never gives it back. 4 MiB semispaces keep RSS flat near 240 MB at the same throughput.
 * `npm run engine` (package.json) passes the same flag.
 */
export const ENGINE_NODE_FLAGS = ['--max-semi-space-size=4'];
