import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_MEANINGS } from './event-kinds';
import { loadFixtures } from './testing/fixtures';
import { readExecution } from './read-execution';
import type { HistoryEvent } from './types';

const fixtures = loadFixtures();
const TERMINAL = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut']);
const FAILURE = /Failed$|TimedOut$|Aborted$|^FailStateEntered$/;

/** Events built from real types, real and foreign state names, and hostile values. */
const eventArb = (names: string[]) =>
  fc.record({
    id: fc.oneof(fc.integer({ min: -2, max: 60 }), fc.constant([0]), fc.string()),
    previousEventId: fc.oneof(fc.integer({ min: -2, max: 60 }), fc.constant(undefined), fc.constant('x')),
    timestamp: fc.oneof(fc.date({ noInvalidDate: false }), fc.double(), fc.string(), fc.constant('timestamp')),
    type: fc.oneof(fc.constantFrom(...Object.keys(EVENT_MEANINGS)), fc.string()),
    details: fc.oneof(
      fc.record({ name: fc.constantFrom(...names, 'Ghost'), index: fc.integer({ min: -1, max: 5 }) }),
      fc.record({ name: fc.anything(), input: fc.anything(), output: fc.string(), error: fc.anything(), cause: fc.anything() }),
      fc.anything(),
    ),
  }).map(({ details, ...e }) => {
    // Put the details where AWS would, so guards see them.
    const key = typeof e.type === 'string' && e.type.endsWith('StateEntered') ? 'stateEnteredEventDetails' : `${e.type.charAt(0).toLowerCase()}${e.type.slice(1)}EventDetails`;
    return { ...e, [key]: details } as unknown as HistoryEvent;
  });

describe('readExecution never crashes', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('on random events against %s', (_file, fixture) => {
    const names = Object.keys(fixture.expected.states);
    fc.assert(
      fc.property(fc.array(eventArb(names), { maxLength: 40 }), (events) => {
        const reading = readExecution(fixture.definition, events);
        expect(Object.keys(reading.states).sort()).toEqual([...names].sort());
      }),
      { numRuns: 60 },
    );
  });

  it('on shuffled and thinned real events', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (fixture, rnd) => {
        const events = fixture.events.filter(() => (rnd.next().value ?? 0) > 0.3).sort(() => (rnd.next().value ?? 0) - 0.5);
        expect(() => readExecution(fixture.definition, events)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('a history cut at any event', () => {
  it.each(fixtures.map((f) => [f.file, f] as const))('%s reads consistently with the prefix', (_file, fixture) => {
    for (let cut = 0; cut <= fixture.events.length; cut++) {
      const prefix = fixture.events.slice(0, cut);
      const reading = readExecution(fixture.definition, prefix);
      const ended = prefix.some((e) => TERMINAL.has(e.type));
      if (!ended) expect(reading.executionStatus, `cut at ${cut}`).toBe('RUNNING');
      if (!ended) expect(reading.sagaOutcome, `cut at ${cut}`).toBe('RUNNING');
      const namesIn = (pattern: RegExp) =>
        new Set(prefix.filter((e) => pattern.test(e.type)).map((e) => {
          const d = (e.stateEnteredEventDetails ?? e.stateExitedEventDetails) as { name?: string } | undefined;
          return d?.name;
        }));
      const entered = namesIn(/StateEntered$/);
      const exited = namesIn(/StateExited$/);
      const anyFailure = prefix.some((e) => FAILURE.test(e.type));
      for (const [name, state] of Object.entries(reading.states)) {
        const where = `${name} cut at ${cut}`;
        expect(state.status === 'NOT_RUN', where).toBe(!entered.has(name));
        if (state.status === 'SUCCEEDED' && !ended) expect(exited.has(name), where).toBe(true);
        if (state.status === 'CAUGHT') expect(exited.has(name), where).toBe(true);
        if (state.status === 'FAILED' || state.status === 'ABORTED') expect(anyFailure || ended, where).toBe(true);
        if (state.status === 'RUNNING') expect(ended, where).toBe(false);
      }
    }
  });
});
