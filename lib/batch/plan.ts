/**
 * A batch's plan: the name and input of every order, decided only by the batch id and
 * the settings (a seeded generator), so the dashboard can rebuild it after a restart and
 * tell what is left to start from the names Step Functions already has. Browser-safe.
 */
import { parseSagaInput, type SagaInput, type SagaInputFields } from '@/lib/saga/input';
import { batchOrderId } from '@/lib/saga/names';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';
import { sagaStart } from '@/lib/saga/start';
import type { CompensationStep } from '@/lib/saga/steps';
import { seededRandom } from './prng';
import type { BatchSettings, ChaosSettings } from './settings';

export type PlannedOrder = { name: string; input: SagaInput & { orderId: string } };

/** Which compensations run when a forward step fails, in the order they run (the ASL's Catch chain). */
const COMPENSATIONS_AFTER = {
  CreateOrder: ['CancelOrder'],
  UpdateInventory: ['InventoryRollback', 'CancelOrder'],
  ProcessPayment: ['PaymentRefund', 'InventoryRollback', 'CancelOrder'],
} as const satisfies Record<string, readonly CompensationStep[]>;
const FAILABLE = ['CreateOrder', 'UpdateInventory', 'ProcessPayment'] as const;
const FAIL_SWITCH = { CreateOrder: 'failCreateOrder', UpdateInventory: 'failInventoryUpdate', ProcessPayment: 'failProcessPayment' } as const;
const FLAKY = ['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify'] as const;

/**
 * Exactly the asked share of each preset (largest remainders), in a seeded shuffle:
 * 40 orders at 25% give 10, not "about 10".
 */
function presetsFor(count: number, mix: Record<string, number>, random: () => number): SagaInputFields[] {
  const shares = SAGA_PRESETS.map((p) => ({ p, exact: (count * (mix[p.id] ?? 0)) / 100 }));
  const counts = shares.map((s) => Math.floor(s.exact));
  const byRemainder = shares.map((s, i) => ({ i, rest: s.exact - Math.floor(s.exact) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = count - counts.reduce((a, b) => a + b, 0), k = 0; left > 0; left--, k++) {
    const at = byRemainder[k % byRemainder.length]?.i ?? 0;
    counts[at] = (counts[at] ?? 0) + 1;
  }
  const inputs = shares.flatMap((s, i) => Array.from({ length: counts[i] ?? 0 }, () => s.p.input));
  for (let i = inputs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [inputs[i], inputs[j]] = [inputs[j] as SagaInputFields, inputs[i] as SagaInputFields];
  }
  return inputs;
}

/** One order's switches under chaos. Every order draws the same number of times, so one order's luck never shifts another's. */
function chaosFor(chaos: ChaosSettings, random: () => number): SagaInputFields {
  const hit = (pct: number) => random() * 100 < pct;
  const fails = FAILABLE.map(() => hit(chaos.business));
  const flaky = FLAKY.map(() => hit(chaos.transient));
  const flakyAttempts = 1 + Math.floor(random() * 2);
  const compensation = COMPENSATIONS_AFTER.ProcessPayment.map(() => hit(chaos.compensation));
  const slow = hit(chaos.latency);

  const failing = FAILABLE.find((_, i) => fails[i]);
  const fields: SagaInputFields = {};
  if (failing) {
    fields[FAIL_SWITCH[failing]] = true;
    const broken = COMPENSATIONS_AFTER[failing].find((step) => compensation[COMPENSATIONS_AFTER.ProcessPayment.indexOf(step)]);
    if (broken) fields.failCompensation = broken;
  }
  const flakyStep = FLAKY.find((_, i) => flaky[i]);
  // Fewer failing attempts than the step's retries, so a transient failure recovers.
  if (flakyStep) Object.assign(fields, { flakyStep, flakyAttempts });
  if (slow && chaos.latencyMs > 0) fields.latencyMs = chaos.latencyMs;
  return fields;
}

export function planBatch(batchId: string, settings: BatchSettings): PlannedOrder[] {
  const random = seededRandom(`${batchId}:${JSON.stringify(settings)}`);
  const fields =
    settings.mode === 'mix'
      ? presetsFor(settings.count, settings.mix, random)
      : Array.from({ length: settings.count }, () => chaosFor(settings.chaos, random));
  return fields.map((f, index) => {
    const parsed = parseSagaInput(f);
    // Presets and chaos build only valid switches; a failure here is a bug, not bad input.
    if (!parsed.ok) throw new Error(`batch plan built an invalid input: ${parsed.message}`);
    const start = sagaStart(parsed.value, batchOrderId(batchId, index));
    if (!start.ok) throw new Error(start.message);
    return { name: start.name, input: start.input };
  });
}
