import { describe, expect, it } from 'vitest';
import { buildGraph } from '../asl/graph';
import { readExecutionDetail } from './read-execution';
import { ReplayReader } from './replay-reader';
import { loadEngineFixtures, loadFixtures } from './testing/fixtures';
import { GENERATED_HISTORY_DEFINITION, generateHistory } from './testing/generate-history';

/** A fixed pseudo-random order, so a failure names the same positions every run. */
function positions(total: number, count: number): number[] {
  let seed = 7;
  return Array.from({ length: count }, () => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed % (total + 1);
  });
}

describe('ReplayReader: any prefix, read from the nearest checkpoint', () => {
  const histories = [...loadFixtures(), ...loadEngineFixtures()];

  it.each(histories.map((f) => [f.file, f] as const))('%s: every position reads as events 1..N do, seeking back and forth', (_file, f) => {
    const graph = buildGraph(f.definition);
    const reader = new ReplayReader(f.definition, f.events, graph, undefined, 3);
    const total = f.events.length;
    // Backwards from the end, then forwards: checkpoints are taken once and never changed by a seek.
    const order = [total, ...Array.from({ length: total }, (_, i) => total - 1 - i), ...Array.from({ length: total + 1 }, (_, i) => i)];
    for (const n of order) {
      expect(reader.at(n), `at ${n}`).toEqual(readExecutionDetail(f.definition, f.events.slice(0, n), graph));
    }
  });

  it('a long generated history (Map iterations, retries, caught failures) reads the same at random positions', () => {
    const events = generateHistory(3_000);
    const graph = buildGraph(GENERATED_HISTORY_DEFINITION);
    const reader = new ReplayReader(GENERATED_HISTORY_DEFINITION, events, graph, new Map(), 250);
    for (const n of [...positions(events.length, 25), 0, 250, 251, events.length]) {
      expect(reader.at(n), `at ${n}`).toEqual(readExecutionDetail(GENERATED_HISTORY_DEFINITION, events.slice(0, n), graph));
    }
  });

  it('a reading handed out stays as it was while later seeks read on from the same checkpoint', () => {
    // Seeks share the checkpoint's visit readings and put its tracker back afterwards: the
    // page keeps showing one reading while the next is made, so no seek may change another's.
    const events = generateHistory(3_000);
    const graph = buildGraph(GENERATED_HISTORY_DEFINITION);
    const reader = new ReplayReader(GENERATED_HISTORY_DEFINITION, events, graph, new Map(), 1_000);
    const kept = [1_200, 1_900, 1_001, 2_999].map((n) => ({ n, detail: reader.at(n) }));
    const copies = kept.map(({ detail }) => structuredClone(detail));
    for (const n of [1_999, 1_000, 1_500, 2_500, 3_000]) reader.at(n);
    kept.forEach(({ n, detail }, i) => {
      expect(detail, `at ${n}`).toEqual(copies[i]);
      expect(detail, `at ${n}`).toEqual(readExecutionDetail(GENERATED_HISTORY_DEFINITION, events.slice(0, n), graph));
    });
  });

  it('reads ahead in slices, stopping when told, and seeks read the same after', () => {
    const events = generateHistory(3_000);
    const graph = buildGraph(GENERATED_HISTORY_DEFINITION);
    const reader = new ReplayReader(GENERATED_HISTORY_DEFINITION, events, graph, new Map(), 250);
    let slices = 0;
    expect(reader.readAhead(() => ++slices <= 5)).toBe(false);
    expect(reader.at(2_345)).toEqual(readExecutionDetail(GENERATED_HISTORY_DEFINITION, events.slice(0, 2_345), graph));
    expect(reader.readAhead(() => true)).toBe(true);
    for (const n of [3_000, 2_999, 1_250, 17]) {
      expect(reader.at(n), `at ${n}`).toEqual(readExecutionDetail(GENERATED_HISTORY_DEFINITION, events.slice(0, n), graph));
    }
  });

  it('clamps a position outside the history', () => {
    const events = generateHistory(300);
    const graph = buildGraph(GENERATED_HISTORY_DEFINITION);
    const reader = new ReplayReader(GENERATED_HISTORY_DEFINITION, events, graph);
    expect(reader.at(-5)).toEqual(readExecutionDetail(GENERATED_HISTORY_DEFINITION, [], graph));
    expect(reader.at(10_000)).toEqual(readExecutionDetail(GENERATED_HISTORY_DEFINITION, events, graph));
  });
});
