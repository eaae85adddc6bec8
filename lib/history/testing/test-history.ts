/**
 * Test helper: writes histories the way AWS does (ids from 1, previousEventId chains,
 * details under `<camelType>EventDetails`), so tests state only what matters to them.
 */
import { detailsKeyOf } from '@/lib/core/events';
import type { HistoryEvent } from '../types';

export class TestHistory {
  readonly events: HistoryEvent[] = [];

  /** Appends an event after `prev` (default: the last one) and returns its id. */
  add(type: string, details?: Record<string, unknown>, prev: number = this.events.length, timestamp?: unknown): number {
    const id = this.events.length + 1;
    const event: HistoryEvent = { id, previousEventId: prev, type, timestamp: timestamp ?? new Date(1_700_000_000_000 + id * 1000) };
    if (details) event[detailsKeyOf(type)] = details;
    this.events.push(event);
    return id;
  }

  /** Entered + Exited of a state with no work of its own (Pass, Choice, Succeed). */
  pass(name: string, type = 'Pass', prev?: number): number {
    this.add(`${type}StateEntered`, { name, input: '{}' }, prev);
    return this.add(`${type}StateExited`, { name, output: '{}' });
  }

  /** A Lambda-by-ARN Task: `failures` failed tries, then success (or a last failure with `finalError`). */
  task(name: string, opts: { failures?: number; finalError?: string; exit?: boolean; prev?: number } = {}): number {
    this.add('TaskStateEntered', { name, input: '{"order":1}' }, opts.prev);
    for (let i = 0; i < (opts.failures ?? 0); i++) {
      this.add('LambdaFunctionScheduled', { resource: 'fn' });
      this.add('LambdaFunctionStarted');
      this.add('LambdaFunctionFailed', { error: 'Boom', cause: 'try failed' });
    }
    this.add('LambdaFunctionScheduled', { resource: 'fn' });
    this.add('LambdaFunctionStarted');
    if (opts.finalError) this.add('LambdaFunctionFailed', { error: opts.finalError, cause: '{"errorMessage":"no"}' });
    else this.add('LambdaFunctionSucceeded', { output: '{"ok":true}' });
    return opts.exit === false ? this.events.length : this.add('TaskStateExited', { name, output: '{"ok":true}' });
  }
}
