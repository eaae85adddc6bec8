import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { describe, expect, it } from 'vitest';
import { definitionPlaceholders, localLambdaArn, MissingPlaceholderError, sagaDefinition } from './definition';
import { ERROR_KEYS } from './domain/notify-failure';
import { LOCAL_SAGA_ARNS, SAGA_FUNCTIONS } from './functions';
import { COMPENSATION_STEPS, FORWARD_STEPS } from '@/lib/saga/steps';

const definition = sagaDefinition(LOCAL_SAGA_ARNS);
type State = Record<string, unknown> & { Type: string };
const state = (name: string): State => {
  const s = definition.States[name];
  if (!s) throw new Error(`no state ${name}`);
  return s;
};
const catches = (name: string) => (state(name).Catch ?? []) as { ErrorEquals: string[]; Next: string; ResultPath: string }[];
const retries = (name: string) => (state(name).Retry ?? []) as Record<string, unknown>[];

/** States reachable from StartAt following Next edges only (no Catch). */
function reachableWithoutCatch(): Set<string> {
  const seen = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const next = state(name).Next;
    if (typeof next === 'string') walk(next);
  };
  walk(definition.StartAt);
  return seen;
}

/** The chain of Next edges from a state to the end. */
function chainFrom(name: string): string[] {
  const chain = [name];
  for (let next = state(name).Next; typeof next === 'string'; next = state(next).Next) chain.push(next);
  return chain;
}

describe('the saga definition', () => {
  it('uses exactly the placeholders SAGA_FUNCTIONS provides, and refuses a missing one', () => {
    expect(definitionPlaceholders().sort()).toEqual(SAGA_FUNCTIONS.map((f) => f.placeholder).sort());
    const { CreateOrderFunctionArn: _dropped, ...rest } = LOCAL_SAGA_ARNS;
    expect(() => sagaDefinition(rest)).toThrow(MissingPlaceholderError);
    expect(JSON.stringify(definition)).not.toContain('${');
  });

  it('names local ARNs the way the engine registers them', () => {
    expect(state('CreateOrder').Resource).toBe(localLambdaArn('saga-create-order'));
    expect(localLambdaArn('saga-notify')).toBe('arn:aws:lambda:us-east-1:000000000000:function:saga-notify');
  });

  it('is a flat JSONPath machine the local executor accepts', () => {
    expect(definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    const types = new Set(Object.values(definition.States).map((s) => s.Type));
    expect(types.has('Parallel') || types.has('Map')).toBe(false);
    expect(() => new StateMachine(definition as unknown as StateMachineDefinition)).not.toThrow();
  });

  it('runs the forward path CreateOrder -> UpdateInventory -> ProcessPayment -> Notify to a Succeed state', () => {
    const chain = chainFrom(definition.StartAt);
    expect(chain).toEqual([...FORWARD_STEPS, 'OrderConfirmed']);
    expect(state('OrderConfirmed').Type).toBe('Succeed');
  });

  it('reaches compensations and failure states only through Catch edges', () => {
    const forward = reachableWithoutCatch();
    for (const name of [...COMPENSATION_STEPS, 'NotifyFailure', 'SagaRolledBack']) {
      expect(forward.has(name)).toBe(false);
    }
  });

  it("runs the failed step's own compensation first, then the earlier ones in reverse, then notifies and fails", () => {
    const rollbackFrom = (step: string) => chainFrom(catches(step)[0]?.Next ?? '');
    expect(rollbackFrom('ProcessPayment')).toEqual(['PaymentRefund', 'InventoryRollback', 'CancelOrder', 'NotifyFailure', 'SagaRolledBack']);
    expect(rollbackFrom('UpdateInventory')).toEqual(['InventoryRollback', 'CancelOrder', 'NotifyFailure', 'SagaRolledBack']);
    expect(rollbackFrom('CreateOrder')).toEqual(['CancelOrder', 'NotifyFailure', 'SagaRolledBack']);
    expect(state('SagaRolledBack')).toMatchObject({ Type: 'Fail', Error: 'SagaRolledBack', CausePath: '$.results.notifyFailure.Cause' });
  });

  it('keeps every result and error under its own key', () => {
    for (const step of FORWARD_STEPS) {
      expect(catches(step)).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: `$.errors.${ERROR_KEYS[step]}`, Next: expect.any(String) },
      ]);
    }
    const resultPaths = Object.values(definition.States).flatMap((s) => (s.Type === 'Task' ? [s.ResultPath] : []));
    expect(new Set(resultPaths).size).toBe(resultPaths.length);
    for (const path of resultPaths) expect(path).toMatch(/^\$\.results\.\w+$/);
  });

  it('retries transient and Lambda service errors with backoff and jitter, and never business errors', () => {
    for (const step of FORWARD_STEPS) {
      const [retrier, ...others] = retries(step);
      expect(others).toEqual([]);
      expect(retrier).toMatchObject({ IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3, JitterStrategy: 'FULL' });
      expect(retrier?.ErrorEquals).toEqual(expect.arrayContaining(['TransientError', 'Lambda.ServiceException', 'Lambda.TooManyRequestsException']));
      expect(retrier?.ErrorEquals).not.toContain('States.ALL');
      expect(retrier?.ErrorEquals).not.toContain('PaymentFailed');
    }
  });

  it('retries a compensation through minutes of outage, then leaves it uncaught so a Redrive resumes there', () => {
    for (const step of COMPENSATION_STEPS) {
      const [retrier, ...others] = retries(step);
      expect(others).toEqual([]);
      expect(retrier?.ErrorEquals).toEqual(expect.arrayContaining(['TransientError', 'Lambda.ServiceException', 'Lambda.ClientExecutionTimeoutException']));
      // A business refusal (CompensationStepFailed) is not an outage: waiting will not fix it.
      expect(retrier?.ErrorEquals).not.toContain('States.ALL');
      expect(retrier).toMatchObject({ JitterStrategy: 'FULL' });
      // Without jitter, the longest the retries wait in all: the outage they ride out.
      const { IntervalSeconds, BackoffRate, MaxAttempts, MaxDelaySeconds } = retrier as { IntervalSeconds: number; BackoffRate: number; MaxAttempts: number; MaxDelaySeconds: number };
      let budget = 0;
      for (let i = 0; i < MaxAttempts; i++) budget += Math.min(IntervalSeconds * BackoffRate ** i, MaxDelaySeconds);
      expect(budget).toBeGreaterThanOrEqual(180);
      expect(budget).toBeLessThanOrEqual(600);
      expect(catches(step)).toEqual([]);
      expect(state(step).Parameters).toMatchObject({ 'redriveCount.$': '$$.Execution.RedriveCount' });
    }
    expect(Object.values(definition.States).filter((s) => s.Type === 'Fail').map((s) => s.Error)).toEqual(['SagaRolledBack']);
  });

  it('passes the execution and state names to every Task so each step derives the same order id and logs under them', () => {
    for (const s of Object.values(definition.States)) {
      if (s.Type !== 'Task') continue;
      expect(s.Parameters).toMatchObject({ 'payload.$': '$', 'executionName.$': '$$.Execution.Name', 'stateName.$': '$$.State.Name' });
    }
  });

  it('lets no failure to notify turn a clean rollback into anything but SagaRolledBack', () => {
    const notifier = state('NotifyFailure');
    expect(retries('NotifyFailure')[0]?.ErrorEquals).toEqual(expect.arrayContaining(['TransientError', 'Lambda.ClientExecutionTimeoutException']));
    // Caught where its result would be, so the Fail state's one CausePath reads either.
    expect(catches('NotifyFailure')).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.results.notifyFailure', Next: notifier.Next }]);
    expect(state('SagaRolledBack').CausePath).toBe(`${String(notifier.ResultPath)}.Cause`);
  });

  it('times out each Task after its Lambda would, and the execution after the longest retry budget', () => {
    const tasks = Object.values(definition.States).filter((s) => s.Type === 'Task');
    for (const task of tasks) {
      // The Lambdas time out at 30 s (infra); the Task's own limit must not cut a live call short.
      expect(task.TimeoutSeconds).toBeGreaterThan(30);
      for (const retrier of retries(nameOf(task))) expect(retrier.ErrorEquals).toContain('Lambda.ClientExecutionTimeoutException');
    }
    // Worst case: every forward step spends its retries, then every compensation and the notification do.
    const worst = tasks.reduce((sum, task) => sum + taskBudget(task), 0);
    expect(definition.TimeoutSeconds).toBeGreaterThanOrEqual(worst);
    expect(definition.TimeoutSeconds).toBeLessThanOrEqual(2 * worst);
  });
});

const nameOf = (s: State): string => Object.entries(definition.States).find(([, t]) => t === s)?.[0] ?? '';

/** The longest a Task can take: every attempt to its timeout, plus every backoff at its longest. */
function taskBudget(task: State): number {
  const timeout = Number(task.TimeoutSeconds);
  let total = timeout;
  for (const retrier of (task.Retry ?? []) as { IntervalSeconds?: number; BackoffRate?: number; MaxAttempts?: number; MaxDelaySeconds?: number }[]) {
    const { IntervalSeconds = 1, BackoffRate = 2, MaxAttempts = 3, MaxDelaySeconds = Infinity } = retrier;
    for (let i = 0; i < MaxAttempts; i++) total += timeout + Math.min(IntervalSeconds * BackoffRate ** i, MaxDelaySeconds);
  }
  return total;
}

