import { describe, expect, it } from 'vitest';
import { EVENT_MEANINGS, type KnownEventType } from './event-kinds';
import { createNarrator, latestSentence, narrateEvents, narrationAt, NOTHING_YET, SILENT_EVENT_TYPES } from './narration';
import { loadEngineFixtures, loadFixtures, type Fixture } from './testing/fixtures';
import { TestHistory } from './testing/test-history';

const engine = (name: string): Fixture => {
  const found = loadEngineFixtures().find((f) => f.file === `${name}.json`);
  if (!found) throw new Error(`no engine fixture ${name}`);
  return found;
};
const machineOf = (f: Fixture) => ({ definition: f.definition });
/** The id of the first event of this type (naming this state, when given). */
const idOf = (f: Fixture, type: string, state?: string): number => {
  const event = f.events.find((e) => e.type === type && (state === undefined || JSON.stringify(e).includes(`"name":"${state}"`)));
  if (!event) throw new Error(`${f.file}: no ${type} ${state ?? ''}`);
  return event.id;
};

/** The state an event of each type is about, entered the way AWS enters it, so the event has a visit. */
function historyEnding(type: KnownEventType): TestHistory {
  const h = new TestHistory();
  h.add('ExecutionStarted', { input: '{}' }, 0);
  const { kind, container } = EVENT_MEANINGS[type];
  if (kind.startsWith('execution-') || kind === 'state-entered') return h;
  if (container === 'Map') {
    h.add('MapStateEntered', { name: 'Items', input: '[1]' });
    if (kind.startsWith('iteration-') && kind !== 'iteration-started') h.add('MapIterationStarted', { name: 'Items', index: 0 });
  } else if (container === 'Parallel') h.add('ParallelStateEntered', { name: 'Both', input: '{}' });
  else {
    const stateType = type.startsWith('Wait') ? 'Wait' : type.match(/^(Choice|Pass|Succeed)/)?.[1] ?? 'Task';
    h.add(`${stateType}StateEntered`, { name: 'Step', input: '{}' });
    // A try is news only when it is a retry: give the attempt types a first try before them.
    if (kind === 'attempt') h.add(type, { resource: 'fn' });
  }
  return h;
}

const detailsFor = (type: KnownEventType): Record<string, unknown> => {
  const { kind, container } = EVENT_MEANINGS[type];
  if (container === 'Map') return { name: 'Items', index: 0, length: 1, error: 'E' };
  if (kind === 'state-entered' || kind === 'state-exited') return { name: 'Step', input: '{}', output: '{}' };
  return { error: 'Boom', cause: 'why', output: '{}', state: 'Step', redriveCount: 1 };
};

describe('narration: every event type', () => {
  it.each(Object.keys(EVENT_MEANINGS) as KnownEventType[])('%s gets a sentence, or is deliberately silent', (type) => {
    const h = historyEnding(type);
    h.add(type, detailsFor(type));
    const sentence = narrateEvents(h.events).at(-1);
    if (SILENT_EVENT_TYPES.has(type)) expect(sentence).toBeNull();
    else {
      expect(sentence).toEqual(expect.any(String));
      expect(sentence).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('keeps silent only the events that repeat what the one before said', () => {
    expect([...SILENT_EVENT_TYPES].sort()).toEqual(['ActivityStarted', 'LambdaFunctionStarted', 'TaskStarted', 'TaskSubmitted']);
  });

  it('says nothing of a first try (the entry said it started), and announces a retry with the error before it', () => {
    const h = new TestHistory();
    h.add('ExecutionStarted', { input: '{}' }, 0);
    h.task('Charge', { failures: 1, exit: false });
    const sentences = narrateEvents(h.events);
    const scheduled = h.events.flatMap((e, i) => (e.type === 'LambdaFunctionScheduled' ? [sentences[i]] : []));
    expect(scheduled).toEqual([null, 'Charge tries again: attempt 2 after Boom']);
    expect(sentences.at(-1)).toBe('Charge succeeded on attempt 2');
  });

  it('ignores event types it does not know, and has words before anything happened', () => {
    expect(narrateEvents([{ id: 1, type: 'SomethingNew' }])).toEqual([null]);
    expect(narrationAt([])).toBe(NOTHING_YET);
  });
});

describe('narration of the saga (engine recordings)', () => {
  it('Payment fails: the failure, what it had done, and the undo that comes next', () => {
    const f = engine('compensated_payment_fails');
    const m = machineOf(f);
    expect(narrationAt(f.events, idOf(f, 'TaskStateEntered', 'ProcessPayment'), m)).toBe('ProcessPayment started');
    expect(narrationAt(f.events, idOf(f, 'LambdaFunctionFailed'), m)).toBe('ProcessPayment charged 49.99, then failed with PaymentFailed');
    expect(narrationAt(f.events, idOf(f, 'TaskStateExited', 'ProcessPayment'), m)).toBe(
      'ProcessPayment charged 49.99, then failed with PaymentFailed; undoing: PaymentRefund next',
    );
    expect(narrationAt(f.events, idOf(f, 'TaskStateEntered', 'PaymentRefund'), m)).toBe('Undoing ProcessPayment: PaymentRefund started');
    expect(narrationAt(f.events, idOf(f, 'TaskStateExited', 'PaymentRefund'), m)).toBe('PaymentRefund refunded 49.99; next: InventoryRollback');
    expect(narrationAt(f.events, idOf(f, 'TaskStateExited', 'InventoryRollback'), m)).toBe(
      'InventoryRollback put 1 × sku-widget back (stock 999); next: CancelOrder',
    );
    // The failure notice undoes nothing: it is not called an undo.
    expect(narrationAt(f.events, idOf(f, 'TaskStateEntered', 'NotifyFailure'), m)).toBe('NotifyFailure started');
    expect(narrationAt(f.events, undefined, m)).toBe(
      'Rolled back cleanly: everything that ran was undone; the execution ends failed with SagaRolledBack',
    );
  });

  it('Payment fails, from events alone: the saga pairs still say what is undone next', () => {
    const f = engine('compensated_payment_fails');
    expect(narrationAt(f.events, idOf(f, 'TaskStateExited', 'ProcessPayment'))).toBe(
      'ProcessPayment charged 49.99, then failed with PaymentFailed; undoing: PaymentRefund next',
    );
    expect(narrationAt(f.events)).toBe('Rolled back cleanly: everything that ran was undone; the execution ends failed with SagaRolledBack');
  });

  it('Refund fails: the rollback stops, with what is still to undo', () => {
    const f = engine('compensation_failed_refund_fails');
    expect(narrationAt(f.events, undefined, machineOf(f))).toBe(
      'The rollback stopped: PaymentRefund failed with CompensationStepFailed; still to undo: PaymentRefund, InventoryRollback, CancelOrder; a redrive resumes there',
    );
    expect(narrationAt(f.events)).toBe('The rollback stopped: PaymentRefund failed with CompensationStepFailed; a redrive resumes there');
  });

  it('Happy path: each step in business words, then the order confirmed', () => {
    const f = engine('completed_happy_path');
    const m = machineOf(f);
    expect(narrationAt(f.events, 1, m)).toBe('A new order started: 1 × sku-widget for 49.99');
    expect(narrationAt(f.events, idOf(f, 'TaskStateExited', 'UpdateInventory'), m)).toBe(
      'UpdateInventory reserved 1 × sku-widget (stock 1000 → 999); next: ProcessPayment',
    );
    expect(narrationAt(f.events, idOf(f, 'LambdaFunctionSucceeded') + 10, m)).toBe('ProcessPayment charged 49.99');
    expect(narrationAt(f.events, undefined, m)).toBe('Done: every step succeeded, the order is confirmed');
  });

  it('a stop, a running step and a redrive say where the run is', () => {
    const aborted = engine('aborted_stopped_during_slow_step');
    expect(narrationAt(aborted.events, undefined, machineOf(aborted))).toBe('The execution was stopped while UpdateInventory ran');
    const running = engine('running_cut_during_slow_step');
    expect(narrationAt(running.events, undefined, machineOf(running))).toBe('UpdateInventory started');
    const redriven = engine('redriven_after_compensation_failure');
    expect(narrationAt(redriven.events, idOf(redriven, 'ExecutionRedriven'), machineOf(redriven))).toBe(
      'Redriven (redrive 1): the run resumes at PaymentRefund',
    );
    expect(narrationAt(redriven.events, idOf(redriven, 'ExecutionRedriven') + 3, machineOf(redriven))).toBe(
      'PaymentRefund refunded 49.99 on attempt 2',
    );
  });

  it('does not read past upTo', () => {
    const f = engine('compensated_payment_fails');
    const upTo = idOf(f, 'LambdaFunctionFailed');
    expect(narrationAt(f.events, upTo)).toBe(narrationAt(f.events.filter((e) => e.id <= upTo)));
  });

  it('a replay position looks up what narrating only the events up to it would say', () => {
    const f = engine('compensated_payment_fails');
    const sentences = narrateEvents(f.events, machineOf(f));
    for (let count = 0; count <= f.events.length; count++) {
      const upTo = count === 0 ? 0 : (f.events[count - 1]?.id ?? 0);
      expect(latestSentence(sentences, count)).toBe(narrationAt(f.events, upTo, machineOf(f)));
    }
    expect(latestSentence(sentences, 0)).toBe(NOTHING_YET);
  });

  it('a live narrator says what the whole-history narration says, event by event', () => {
    const f = engine('compensation_failed_refund_fails');
    const narrator = createNarrator(machineOf(f));
    expect(f.events.map((e) => narrator.next(e))).toEqual(narrateEvents(f.events, machineOf(f)));
  });
});

describe('narration of any ASL (AWS recordings)', () => {
  const fixtures = loadFixtures();

  it.each(fixtures.map((f) => [f.file, f] as const))('%s: every event reads as words, with and without the definition', (_file, f) => {
    for (const machine of [machineOf(f), undefined]) {
      const sentences = narrateEvents(f.events, machine);
      expect(sentences).toHaveLength(f.events.length);
      for (const [i, sentence] of sentences.entries()) {
        const type = f.events[i]?.type as KnownEventType;
        if (SILENT_EVENT_TYPES.has(type)) expect(sentence).toBeNull();
        if (sentence !== null) expect(sentence).not.toMatch(/undefined|null|\[object|^\s|\s$/);
      }
      expect(narrationAt(f.events, undefined, machine)).not.toBe(NOTHING_YET);
    }
  });

  it('says how a run ended, by its last event', () => {
    const last = (file: string) => {
      const f = fixtures.find((x) => x.file.startsWith(file));
      if (!f) throw new Error(file);
      return narrationAt(f.events, undefined, machineOf(f));
    };
    expect(last('08_')).toBe('The execution succeeded');
    expect(last('10_')).toBe('LambdaTask failed with Exception, uncaught: the execution failed');
    expect(last('19_')).toBe('The execution failed at FailState with SomeFailure');
    expect(last('20_')).toBe('State_1 waits');
    expect(last('40_')).toBe('State2 failed with States.QueryEvaluationError, uncaught: the execution failed');
  });

  it('names the Catch a failure takes, retries and Map items', () => {
    const f = fixtures.find((x) => x.file.startsWith('08_'));
    if (!f) throw new Error('08');
    const sentences = narrateEvents(f.events, machineOf(f)).filter((s) => s !== null);
    expect(sentences).toContain('InvokeLambdaWithRetry tries again: attempt 4 after Exception');
    expect(sentences).toContain('InvokeLambdaWithRetry failed with Exception; caught: HandleError next');
    const map = fixtures.find((x) => x.file.startsWith('31_'));
    if (!map) throw new Error('31');
    const mapSentences = narrateEvents(map.events, machineOf(map));
    expect(mapSentences).toContain('MapState runs over 8 items');
    expect(mapSentences).toContain('MapState: item 8 succeeded');
  });
});
