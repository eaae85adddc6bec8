import { describe, expect, it } from 'vitest';
import { loadEngineFixtures } from '@/lib/history/testing/fixtures';
import { parsePayload } from '@/lib/core/values';
import { compensationAlert } from './compensation-alert';

const fixture = (file: string) => {
  const found = loadEngineFixtures().find((f) => f.file === file);
  if (!found) throw new Error(`no engine fixture ${file}`);
  return found;
};
const inputOf = (events: readonly { type: string; executionStartedEventDetails?: { input?: unknown } }[]) =>
  parsePayload(events.find((e) => e.type === 'ExecutionStarted')?.executionStartedEventDetails?.input);

describe('compensationAlert', () => {
  it('names the order, where the rollback stopped and every step still to undo, in order', () => {
    const { definition, events } = fixture('compensation_failed_refund_fails.json');
    const alert = compensationAlert(definition, events, { name: 'fail-refund--ord-x', input: inputOf(events) });
    expect(alert?.stillToUndo).toEqual(['PaymentRefund', 'InventoryRollback', 'CancelOrder']);
    expect(alert?.message).toMatch(/^Order \S+ needs a person: its rollback stopped at PaymentRefund \(CompensationStepFailed: PaymentRefund failed on purpose/);
    expect(alert?.message).toContain('Still to undo: PaymentRefund → InventoryRollback → CancelOrder');
    expect(alert?.message).toContain('redrive execution fail-refund--ord-x');
  });

  it('stays silent for a clean rollback, a success, and a rollback a redrive finished', () => {
    for (const file of ['compensated_payment_fails.json', 'completed_happy_path.json', 'redriven_after_compensation_failure.json']) {
      const { definition, events } = fixture(file);
      expect(compensationAlert(definition, events, { name: 'x', input: inputOf(events) }), file).toBeUndefined();
    }
  });
});
