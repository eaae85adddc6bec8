/**
 * Runs in the browser before the app's own modules. zod compiles object parsers with
 * `new Function` when it may, and probes for that once; under our CSP (no eval) the probe
 * is refused and reported as a violation though zod falls back. Jitless skips the probe.
 * It must be set before any schema is built, which is why it lives here.
 */
import { config } from 'zod';

config({ jitless: true });
