import { describe, expect, it } from 'vitest';
import { loadFixtures } from './fixtures';
import { readExecution } from './read-execution';

const fixtures = loadFixtures();

describe('readExecution over the recorded AWS histories', () => {
  it('has all 30 recorded cases', () => {
    expect(fixtures).toHaveLength(30);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s gives the expected statuses and attempts', (_file, fixture) => {
    const reading = readExecution(fixture.definition, fixture.events);
    expect(reading.executionStatus).toBe(fixture.expected.executionStatus);
    const actual = Object.fromEntries(
      Object.keys(fixture.expected.states).map((name) => {
        const s = reading.states[name];
        // The fixtures give attempts only above 1.
        return [name, s && s.attempts > 1 ? { status: s.status, attempts: s.attempts } : { status: s?.status }];
      }),
    );
    expect(actual).toEqual(fixture.expected.states);
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
