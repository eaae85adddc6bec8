import { describe, expect, it } from 'vitest';
import { type Fixture, loadEngineFixtures, loadFixtures } from './fixtures';
import { readExecution } from './read-execution';
import type { ExecutionReading } from './types';

const fixtures = loadFixtures();
const engineFixtures = loadEngineFixtures();

/** A reading in the fixtures' `expected.states` shape: attempts only above 1. */
const statesOf = (reading: ExecutionReading, expected: Fixture['expected']) =>
  Object.fromEntries(
    Object.keys(expected.states).map((name) => {
      const s = reading.states[name];
      return [name, s && s.attempts > 1 ? { status: s.status, attempts: s.attempts } : { status: s?.status }];
    }),
  );

describe('readExecution over the recorded AWS histories', () => {
  it('has all 30 recorded cases', () => {
    expect(fixtures).toHaveLength(30);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s gives the expected statuses and attempts', (_file, fixture) => {
    const reading = readExecution(fixture.definition, fixture.events);
    expect(reading.executionStatus).toBe(fixture.expected.executionStatus);
    expect(statesOf(reading, fixture.expected)).toEqual(fixture.expected.states);
  });

  it('counts Map iterations; a distributed Map shows only its item count', () => {
    const byName = (prefix: string) => fixtures.find((f) => f.file.startsWith(prefix)) as (typeof fixtures)[number];
    const inline = readExecution(byName('31_').definition, byName('31_').events);
    expect(inline.states.MapState?.visits[0]?.iterationCount).toBe(8);
    expect(inline.states.HandleItem?.visits.map((v) => v.iteration)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const distributed = readExecution(byName('38_').definition, byName('38_').events);
    expect(distributed.states.MapState?.visits[0]).toMatchObject({ itemCount: 2, iterationCount: 0 });
  });

  it('reads every state of every definition, nested ones included', () => {
    for (const fixture of fixtures) {
      const reading = readExecution(fixture.definition, fixture.events);
      expect(Object.keys(reading.states).sort()).toEqual(Object.keys(fixture.expected.states).sort());
    }
  });
});

describe('readExecution over the local engine recordings', () => {
  it('has one recording per saga outcome the saga can end in', () => {
    // FAILED (not compensated) cannot happen: every forward step of the saga has a Catch.
    expect(engineFixtures.map((f) => f.expected.sagaOutcome).sort()).toEqual(['ABORTED', 'COMPENSATED', 'COMPENSATION_FAILED', 'COMPLETED', 'RUNNING']);
  });

  it.each(engineFixtures.map((f) => [f.file, f] as const))('%s gives the expected statuses, attempts and saga outcome', (_file, fixture) => {
    const reading = readExecution(fixture.definition, fixture.events);
    expect(reading.executionStatus).toBe(fixture.expected.executionStatus);
    expect(reading.sagaOutcome).toBe(fixture.expected.sagaOutcome);
    expect(statesOf(reading, fixture.expected)).toEqual(fixture.expected.states);
  });
});
