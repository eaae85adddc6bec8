/**
 * Deterministic synthetic state machines for benches and browser tests: a saga-like
 * spine (Tasks with Retry and Catch into a compensation chain, Choices, Waits) with
 * Parallel and Map states nested two levels deep, of exactly `stateCount` states.
 */
import type { AslDefinition } from './types';

type States = AslDefinition['States'];
interface Scope {
  StartAt: string;
  States: States;
}

const MIN_STATES = 12;

class Namer {
  private n = 0;
  next(prefix: string): string {
    this.n += 1;
    return `${prefix}${String(this.n).padStart(3, '0')}`;
  }
}

function simpleState(kind: number, catchTarget: string | undefined): States[string] {
  if (kind === 5) return { Type: 'Wait', Seconds: 1 };
  if (kind === 1) return { Type: 'Pass' };
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Retry: [{ ErrorEquals: ['Lambda.ServiceException'], MaxAttempts: 2, BackoffRate: 2 }],
    ...(catchTarget ? { Catch: [{ ErrorEquals: ['States.ALL'], Next: catchTarget }] } : {}),
  };
}

/**
 * A chain of `budget` states in one scope. Compound states take a share of the budget
 * for their children, so the total over all scopes is exactly the budget.
 */
function chain(budget: number, depth: number, names: Namer, withCompensation: boolean): Scope {
  const states: States = {};
  const order: string[] = [];
  const comp = withCompensation && budget >= 8 ? [names.next('Undo'), names.next('Undo'), names.next('Rollback')] : [];
  let left = budget - comp.length - 1; // the closing Succeed
  let i = 0;
  while (left > 0) {
    const name = names.next('Step');
    const kind = i % 6;
    i += 1;
    // Containers need room: a Parallel of 3 branches x 2, a Map of 3; nesting stops at depth 2.
    if (kind === 2 && depth < 2 && left >= 8) {
      const share = Math.min(left - 1, Math.max(6, Math.floor(left / 3)));
      const per = Math.floor(share / 3);
      const sizes = [per, per, share - 2 * per];
      states[name] = {
        Type: 'Parallel',
        Branches: sizes.map((s) => chain(s, depth + 1, names, false)),
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 1 }],
      };
      left -= share + 1;
    } else if (kind === 4 && depth < 2 && left >= 5) {
      const share = Math.min(left - 1, Math.max(3, Math.floor(left / 4)));
      const processor = chain(share, depth + 1, names, false);
      states[name] = { Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 4, ItemProcessor: processor };
      left -= share + 1;
    } else if (kind === 3 && left >= 2) {
      // Rules and Default are wired below, once the following states exist.
      states[name] = { Type: 'Choice' };
      left -= 1;
    } else {
      states[name] = simpleState(kind, comp[0]);
      left -= 1;
    }
    order.push(name);
  }
  const end = names.next('Done');
  order.push(end);
  states[end] = { Type: 'Succeed' };
  // Wire the spine: each state goes to the next; a Choice also skips one ahead.
  order.forEach((name, idx) => {
    const state = states[name];
    const next = order[idx + 1];
    if (!state || next === undefined) return;
    if (state.Type === 'Choice') {
      state.Choices = [{ Variable: '$.flag', BooleanEquals: true, Next: order[idx + 2] ?? next }];
      state.Default = next;
    } else state.Next = next;
  });
  comp.forEach((name, idx) => {
    const next = comp[idx + 1];
    states[name] = next
      ? { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: next }
      : { Type: 'Fail', Error: 'OrderFailed', Cause: 'compensated' };
  });
  return { StartAt: order[0] ?? end, States: states };
}

export function generateMachine(stateCount = 200): AslDefinition {
  if (stateCount < MIN_STATES) throw new RangeError(`generateMachine needs at least ${MIN_STATES} states`);
  return { Comment: `generated: ${stateCount} states`, ...chain(stateCount, 0, new Namer(), true) };
}
