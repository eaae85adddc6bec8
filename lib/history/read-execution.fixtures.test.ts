import { describe, expect, it } from 'vitest';
import { type Fixture, loadEngineFixtures, loadFixtures } from './testing/fixtures';
import { buildGraph } from '../asl/graph';
import { readExecution } from './read-execution';
import { redrivePlan } from './redrive-plan';
import { stillToUndo } from './still-to-undo';
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
  it('has one recording per saga outcome the saga can end in, and redriven runs after ABORTED, FAILED and TIMED_OUT', () => {
    // FAILED (not compensated) cannot happen: every forward step of the saga has a Catch.
    expect(new Set(engineFixtures.map((f) => f.expected.sagaOutcome))).toEqual(new Set(['ABORTED', 'COMPENSATED', 'COMPENSATION_FAILED', 'COMPLETED', 'RUNNING']));
    expect(engineFixtures.filter((f) => f.file.startsWith('redriven_')).map((f) => f.file)).toEqual(REDRIVEN.map(([file]) => file));
  });

  it.each(engineFixtures.map((f) => [f.file, f] as const))('%s gives the expected statuses, attempts and saga outcome', (_file, fixture) => {
    const reading = readExecution(fixture.definition, fixture.events);
    expect(reading.executionStatus).toBe(fixture.expected.executionStatus);
    expect(reading.sagaOutcome).toBe(fixture.expected.sagaOutcome);
    expect(statesOf(reading, fixture.expected)).toEqual(fixture.expected.states);
  });
});

/** Each redriven recording: the state the first run left unfinished, how that visit ended, what came after it. */
const REDRIVEN = [
  ['redriven_after_abort.json', 'UpdateInventory', 'ABORTED', ['ProcessPayment', 'Notify', 'OrderConfirmed']],
  ['redriven_after_compensation_failure.json', 'PaymentRefund', 'FAILED', ['InventoryRollback', 'CancelOrder', 'NotifyFailure', 'SagaRolledBack']],
  ['redriven_after_failure.json', 'Call', 'FAILED', ['Done']],
  ['redriven_after_timeout.json', 'Call', 'ABORTED', ['Done']],
] as const;

describe('the local engine recordings of redriven runs', () => {
  const byFile = (file: string) => engineFixtures.find((f) => f.file === file) as Fixture;

  it.each(REDRIVEN)('%s: %s reads as its latest visit, its first run kept as a visit of its own', (file, state, firstRun) => {
    const { definition, events } = byFile(file);
    const reading = readExecution(definition, events);
    expect(reading.redriveCount).toBe(1);
    const visits = reading.states[state]?.visits ?? [];
    expect(visits.map((v) => [v.status, v.attempts])).toEqual([[firstRun, 1], ['SUCCEEDED', 1]]);
    const redriven = events.find((e) => e.type === 'ExecutionRedriven');
    // Per visit: the rerun starts at the redrive, with the recorded input, and has its own output.
    expect(visits[1]?.enteredAt).toBe(new Date(String(redriven?.timestamp)).getTime());
    expect(visits[1]?.input).toEqual(visits[0]?.input);
    expect(visits[1]?.output).toBeDefined();
    expect(visits[1]?.error).toBeUndefined();
    expect(reading.states[state]?.enteredAt).toBe(visits[1]?.enteredAt);
  });

  it.each(REDRIVEN)('%s: before the redrive, the plan resumes at %s and runs the rest of the path', (file, state, _first, path) => {
    const { definition, events } = byFile(file);
    const graph = buildGraph(definition);
    const before = events.slice(0, events.findIndex((e) => e.type === 'ExecutionRedriven'));
    expect(redrivePlan(graph, readExecution(definition, before, graph))).toEqual({ redrivable: true, resumesAt: state, path: [...path] });
    // Finished: SUCCEEDED, or a clean rollback ended in its Fail state; either way nothing to redrive.
    expect(redrivePlan(graph, readExecution(definition, events, graph))).toMatchObject({ redrivable: false });
  });

  it('a rollback stuck at a compensation lists what is left to undo, and nothing once the redrive finished it', () => {
    const { definition, events } = byFile('redriven_after_compensation_failure.json');
    const graph = buildGraph(definition);
    const before = readExecution(definition, events.slice(0, events.findIndex((e) => e.type === 'ExecutionRedriven')), graph);
    expect(before.sagaOutcome).toBe('COMPENSATION_FAILED');
    expect(stillToUndo(graph, before)).toMatchObject({ failed: { state: 'PaymentRefund', error: 'CompensationStepFailed' }, remaining: ['InventoryRollback', 'CancelOrder'] });
    const after = readExecution(definition, events, graph);
    expect(after.sagaOutcome).toBe('COMPENSATED');
    expect(stillToUndo(graph, after)).toBeUndefined();
  });
});
