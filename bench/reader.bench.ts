/**
 * Issue 5 benches. Prints one JSON line per metric: {"metric","value","unit","goal"}.
 * Runs under bench/run.ts, or alone: `npx tsx bench/reader.bench.ts`.
 */
import { generateMachine } from '../lib/asl/generate';
import { buildGraph } from '../lib/asl/graph';
import { layoutGraph } from '../lib/asl/layout';
import { generateHistory, GENERATED_HISTORY_DEFINITION } from '../lib/history/testing/generate-history';
import { readExecution } from '../lib/history/read-execution';

const RUNS = 9;
const WARMUP = 3;

function medianMs(run: () => void): number {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(RUNS / 2)] ?? 0) * 10) / 10;
}

const print = (metric: string, value: number, unit: string, goal?: string) =>
  console.log(JSON.stringify({ metric, value, unit, ...(goal ? { goal } : {}) }));

const events = generateHistory(25_000);
print(`read_${events.length}_events_ms`, medianMs(() => readExecution(GENERATED_HISTORY_DEFINITION, events)), 'ms', '<=150');

// The dashboard's browser bench adds first-render time; this is the layout alone.
const machine = buildGraph(generateMachine(200));
print('layout_200_states_ms', medianMs(() => layoutGraph(machine)), 'ms', '<=100');
