/**
 * Node flags the engine process runs with. Measured: the engine's live heap stays ~30 MB
 * however many executions it has run (finished ones live only in SQLite), but with V8's
 * default semispaces the young generation alone keeps ~100 MB resident once touched, and
 * RSS never gives it back. 4 MiB semispaces keep RSS flat near 240 MB at the same throughput.
 * `npm run engine` (package.json) passes the same flag.
 */
export const ENGINE_NODE_FLAGS = ['--max-semi-space-size=4'];

/**
 * Environment the engine process starts with. glibc gives each thread that allocates its
 * own malloc arena (the engine has the DynamoDB worker, libuv's pool and SQLite), and freed
 * memory stays fragmented across them: measured over 3,000 sagas, RSS 302 MB with the
 * default arenas and 273 MB with two. glibc reads this only at process start, so it is
 * set for the child, not here.
 */
export const ENGINE_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
