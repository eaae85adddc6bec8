/**
 * Node flags the engine process runs with (V8's, so they hold for the DynamoDB thread too).
 * `npm run engine` (package.json) passes the same flags. Measured with heap snapshots: the
 * engine's live heap stays ~35 MB however many executions it has run (finished ones live
 * only in SQLite), so what RSS holds beyond it is V8's headroom, and freed pages stay
 * pooled, so RSS keeps the highest the heap ever reached:
 *
 * - `--heap-growing-percent=50`: after a full GC V8 lets the old generation grow to up to
 *   4x its live size on a machine with plenty of memory, ~100 MB of garbage here; 1.5x
 *   keeps the heap near 70 MB. RSS after 10,000 sagas: 220 MB, against 300-340 with V8's
 *   own factor (2x: 237 MB). The price is more frequent major GCs, mostly on V8's helper
 *   threads: ~1.3 ms of CPU per saga at 50 in flight (2x: ~0.5 ms; 1.3x: ~1.7 ms for
 *   ~5 MB less).
 * - `--max-semi-space-size=8`: V8's default semispaces keep up to ~100 MB of young
 *   generation resident once touched; 8 MiB keep 16-24 MB. 4 MiB kept ~15 MB less but
 *   promoted more short-lived objects into the old generation, whose GCs then cost
 *   ~1.5 ms more CPU per saga.
 */
export const ENGINE_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=50'];

/**
 * Environment the engine process starts with. glibc gives each thread that allocates its
 * own malloc arena (the engine has the DynamoDB worker, libuv's pool and SQLite), and freed
 * memory stays fragmented across them: measured over 3,000 sagas, RSS 302 MB with the
 * default arenas and 273 MB with two. glibc reads this only at process start, so it is
 * set for the child, not here.
 */
export const ENGINE_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
