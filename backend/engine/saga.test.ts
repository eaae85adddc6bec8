/**
 * The order saga end to end on the engine (issue 2, "Done when" 2): each scenario is
 * started through the SDK with the blueprint's payload form, then its status, the states
 * it visited, the AWS shape of its history and the data it left behind are checked.
 */
import { DescribeExecutionCommand, RedriveExecutionCommand, StartExecutionCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_SAGA_ARNS } from '../saga/functions';
import { fullHistory, historyShapeProblems, sagaData, statesVisited } from './testing/saga-checks';
import { startTestEngine, type TestEngine } from './testing/test-engine';
import { waitForEnd } from './testing/test-waits';

let t: TestEngine;
let data: ReturnType<typeof sagaData>;

beforeAll(async () => {
  t = await startTestEngine({ saga: true });
  data = sagaData(t.engine.saga!.dynamoEndpoint);
});
afterAll(() => t.stop());

/** The blueprint's API Gateway form: flags inside a JSON string under `body`. */
const blueprint = (flags: Record<string, unknown>) => JSON.stringify({ body: JSON.stringify(flags) });

async function runSaga(name: string, input: string) {
  const stockBefore = await data.stock();
  const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: t.engine.saga!.stateMachineArn, name, input }));
  const ended = await waitForEnd(t.sfn, executionArn!);
  const events = await fullHistory(t.sfn, executionArn!);
  return { ended, events, stockBefore, records: await data.order(`ord-${name}`), stockAfter: await data.stock() };
}

const lambdaFailures = (events: HistoryEvent[]) => events.filter((e) => e.type === 'LambdaFunctionFailed').map((e) => e.lambdaFunctionFailedEventDetails!.error);

describe('order saga on the local engine', () => {
  it('happy path: confirmed, stock taken, payment charged', async () => {
    const run = await runSaga('happy', '{}');
    expect(run.ended.status).toBe('SUCCEEDED');
    expect(statesVisited(run.events)).toEqual(['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify', 'OrderConfirmed']);
    expect(historyShapeProblems(run.events)).toEqual([]);
    expect(run.records.order?.status).toBe('CONFIRMED');
    expect(run.records.payment?.status).toBe('CHARGED');
    expect(run.records.stock?.reservation?.status).toBe('RESERVED');
    expect(run.stockAfter).toBe(run.stockBefore - 1);
  });

  it('failCreateOrder: order cancelled, nothing else touched, execution FAILED', async () => {
    const run = await runSaga('fail-create', blueprint({ failCreateOrder: true }));
    expect(run.ended).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack' });
    expect(statesVisited(run.events)).toEqual(['CreateOrder', 'CancelOrder', 'NotifyFailure', 'SagaRolledBack']);
    expect(historyShapeProblems(run.events)).toEqual([]);
    expect(run.records.order?.status ?? 'CANCELLED').toBe('CANCELLED');
    expect(run.records.payment).toBeUndefined();
    expect(run.stockAfter).toBe(run.stockBefore);
  });

  it('failInventoryUpdate: stock back where it was, order cancelled', async () => {
    const run = await runSaga('fail-inventory', blueprint({ failInventoryUpdate: true }));
    expect(run.ended).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack' });
    expect(statesVisited(run.events)).toEqual(['CreateOrder', 'UpdateInventory', 'InventoryRollback', 'CancelOrder', 'NotifyFailure', 'SagaRolledBack']);
    expect(historyShapeProblems(run.events)).toEqual([]);
    expect(run.records.order?.status).toBe('CANCELLED');
    expect(run.records.payment).toBeUndefined();
    expect(run.stockAfter).toBe(run.stockBefore);
  });

  it('failProcessPayment: payment refunded, stock restored, order cancelled', async () => {
    const run = await runSaga('fail-payment', blueprint({ failProcessPayment: true }));
    expect(run.ended).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack' });
    expect(statesVisited(run.events)).toEqual([
      'CreateOrder', 'UpdateInventory', 'ProcessPayment', 'PaymentRefund', 'InventoryRollback', 'CancelOrder', 'NotifyFailure', 'SagaRolledBack',
    ]);
    expect(historyShapeProblems(run.events)).toEqual([]);
    // The caught failure still exits its state, then the compensation is entered.
    const failedAt = run.events.findIndex((e) => e.type === 'LambdaFunctionFailed');
    expect(run.events.slice(failedAt + 1, failedAt + 3).map((e) => e.type)).toEqual(['TaskStateExited', 'TaskStateEntered']);
    expect(run.records.order?.status).toBe('CANCELLED');
    expect(run.records.payment?.status).toBe('REFUNDED');
    expect(run.records.stock?.reservation?.status).toBe('RELEASED');
    expect(run.stockAfter).toBe(run.stockBefore);
  });

  it('a compensation that cannot succeed stops the rollback at that state; one Redrive finishes it', async () => {
    const run = await runSaga('fail-rollback', JSON.stringify({ failProcessPayment: true, failCompensation: 'InventoryRollback' }));
    expect(run.ended).toMatchObject({ status: 'FAILED', error: 'CompensationStepFailed' });
    expect(statesVisited(run.events)).toEqual(['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'PaymentRefund', 'InventoryRollback']);
    expect(historyShapeProblems(run.events)).toEqual([]);
    expect(run.records.payment?.status).toBe('REFUNDED');
    // The stock is still taken and the order still open: what a person must finish.
    expect(run.records.stock?.reservation?.status).toBe('RESERVED');
    expect(run.records.order?.status).toBe('PENDING');
    expect(run.records.notifications.map((n) => n.kind)).toEqual(['COMPENSATION_FAILED']);
    expect(run.records.notifications[0]?.message).toMatch(/InventoryRollback.*CancelOrder/);

    const executionArn = run.ended.executionArn!;
    await t.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const redriven = await waitForEnd(t.sfn, executionArn);
    expect(redriven).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack', redriveCount: 1 });
    const events = await fullHistory(t.sfn, executionArn);
    expect(historyShapeProblems(events)).toEqual([]);
    // The failed visit of InventoryRollback continues (no new entry), then the rest of the rollback.
    const redrivenAt = events.findIndex((e) => e.type === 'ExecutionRedriven');
    const after = events.slice(redrivenAt + 1);
    expect(after.find((e) => e.type === 'LambdaFunctionScheduled')?.lambdaFunctionScheduledEventDetails?.resource).toContain('inventory-rollback');
    expect(statesVisited(after)).toEqual(['CancelOrder', 'NotifyFailure', 'SagaRolledBack']);
    const records = await data.order('ord-fail-rollback');
    expect(records.order?.status).toBe('CANCELLED');
    expect(records.payment?.status).toBe('REFUNDED');
    expect(records.stock?.reservation?.status).toBe('RELEASED');
    expect(await data.stock()).toBe(run.stockBefore);
  });

  it('a transient failure is retried with backoff, then the saga succeeds', async () => {
    const run = await runSaga('flaky-payment', JSON.stringify({ flakyStep: 'ProcessPayment', flakyAttempts: 2 }));
    expect(run.ended.status).toBe('SUCCEEDED');
    expect(statesVisited(run.events)).toEqual(['CreateOrder', 'UpdateInventory', 'ProcessPayment', 'Notify', 'OrderConfirmed']);
    expect(historyShapeProblems(run.events)).toEqual([]);
    expect(lambdaFailures(run.events)).toEqual(['TransientError', 'TransientError']);
    // Retries add no event of their own: each new attempt's Scheduled points at the failure.
    const rescheduled = run.events.filter((e, i) => e.type === 'LambdaFunctionScheduled' && run.events[i - 1]?.type === 'LambdaFunctionFailed');
    expect(rescheduled.map((e) => e.previousEventId)).toEqual(rescheduled.map((e) => e.id! - 1));
    expect(run.records.order?.status).toBe('CONFIRMED');
    expect(run.stockAfter).toBe(run.stockBefore - 1);
  });

  it('refuses invalid switches before anything starts, naming the field', async () => {
    const start = t.sfn.send(new StartExecutionCommand({ stateMachineArn: t.engine.saga!.stateMachineArn, name: 'bad-switch', input: blueprint({ failProcesPayment: true }) }));
    await expect(start).rejects.toMatchObject({ name: 'InvalidExecutionInput', message: expect.stringContaining('failProcesPayment') });
    const arn = t.engine.saga!.stateMachineArn.replace(':stateMachine:', ':execution:') + ':bad-switch';
    await expect(t.sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });

  it('refuses a null input (any other machine accepts it, as AWS does), starting nothing', async () => {
    const start = t.sfn.send(new StartExecutionCommand({ stateMachineArn: t.engine.saga!.stateMachineArn, name: 'null-input', input: 'null' }));
    await expect(start).rejects.toMatchObject({ name: 'InvalidExecutionInput', message: expect.stringContaining('not null') });
    const arn = t.engine.saga!.stateMachineArn.replace(':stateMachine:', ':execution:') + ':null-input';
    await expect(t.sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });
});

describe('order saga whose failure notice cannot be sent', () => {
  let broken: TestEngine;
  beforeAll(async () => {
    // The notification service is down: every NotifyFailure call throws an error its Retry does not name.
    const down = async () => {
      const error = new Error('The notification service refused the message');
      error.name = 'NotificationServiceDown';
      throw error;
    };
    broken = await startTestEngine({ saga: true, lambdas: { [LOCAL_SAGA_ARNS.NotifyFailureFunctionArn!]: down } });
  });
  afterAll(() => broken.stop());

  it('the rollback is still done: the execution ends in SagaRolledBack, with the notice failure as its cause', async () => {
    const { executionArn } = await broken.sfn.send(
      new StartExecutionCommand({ stateMachineArn: broken.engine.saga!.stateMachineArn, name: 'notice-down', input: blueprint({ failProcessPayment: true }) }),
    );
    const ended = await waitForEnd(broken.sfn, executionArn!);
    expect(ended).toMatchObject({ status: 'FAILED', error: 'SagaRolledBack', cause: expect.stringContaining('NotificationServiceDown') });
    const events = await fullHistory(broken.sfn, executionArn!);
    expect(historyShapeProblems(events)).toEqual([]);
    expect(statesVisited(events)).toEqual([
      'CreateOrder', 'UpdateInventory', 'ProcessPayment', 'PaymentRefund', 'InventoryRollback', 'CancelOrder', 'NotifyFailure', 'SagaRolledBack',
    ]);
    // Not retried: one failed call, then the Catch.
    expect(lambdaFailures(events)).toEqual(['PaymentFailed', 'NotificationServiceDown']);
    const records = await sagaData(broken.engine.saga!.dynamoEndpoint).order('ord-notice-down');
    expect(records.order?.status).toBe('CANCELLED');
    expect(records.payment?.status).toBe('REFUNDED');
    expect(records.stock?.reservation?.status).toBe('RELEASED');
  });
});
