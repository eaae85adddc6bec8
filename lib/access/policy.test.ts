import { describe, expect, it } from 'vitest';
import { batchWriteCost, machineListed, normalizeMachines, readRefusal, writeRefusal, writesOpen, type Policy } from './policy';

const SAGA = 'arn:aws:states:us-east-1:000000000000:stateMachine:OrderSaga';
const OTHER = 'arn:aws:states:us-east-1:000000000000:stateMachine:victim-sm';

const policy = (over: Partial<Policy> = {}): Policy => ({ mode: 'shared', writable: [SAGA], readable: [SAGA], ...over });

describe('access policy', () => {
  it('shared: a viewer who is not signed in may not write (401); the operator may, on listed machines only', () => {
    expect(writeRefusal(policy(), { signedIn: false }, SAGA)).toMatchObject({ kind: 'sign-in-required', status: 401 });
    expect(writeRefusal(policy(), { signedIn: true }, SAGA)).toBeUndefined();
    expect(writeRefusal(policy(), { signedIn: true }, OTHER)).toMatchObject({ kind: 'machine-not-allowed', status: 403 });
    expect(writeRefusal(policy(), { signedIn: true }, OTHER)?.message).toContain('victim-sm');
  });

  it('read-only refuses every write, signed in or not; local needs no sign-in but keeps the allow-list', () => {
    expect(writeRefusal(policy({ mode: 'read-only' }), { signedIn: true }, SAGA)).toMatchObject({ kind: 'read-only', status: 403 });
    expect(writeRefusal(policy({ mode: 'local' }), { signedIn: false }, SAGA)).toBeUndefined();
    expect(writeRefusal(policy({ mode: 'local' }), { signedIn: false }, OTHER)?.status).toBe(403);
    expect(writesOpen(policy({ mode: 'local' }), { signedIn: false })).toBe(true);
    expect(writesOpen(policy(), { signedIn: false })).toBe(false);
    expect(writesOpen(policy({ mode: 'read-only' }), { signedIn: true })).toBe(false);
  });

  it('reading is its own list: any machine, or only those listed', () => {
    expect(readRefusal(policy({ readable: 'any' }), OTHER)).toBeUndefined();
    expect(readRefusal(policy(), OTHER)).toMatchObject({ status: 403 });
    expect(readRefusal(policy(), SAGA)).toBeUndefined();
  });

  it('names are placed beside the saga; a version or alias suffix is the same machine', () => {
    const list = normalizeMachines(['OrderSaga', ' arn:aws:states:us-east-1:000000000000:stateMachine:Other:2'.trim()], SAGA);
    expect(list).toEqual([SAGA, 'arn:aws:states:us-east-1:000000000000:stateMachine:Other']);
    expect(machineListed(list, `${SAGA}:3`)).toBe(true);
    expect(machineListed(list, 'arn:aws:states:eu-west-1:000000000000:stateMachine:OrderSaga')).toBe(false);
    // Without a saga ARN to place it, a name matches by name.
    expect(machineListed(normalizeMachines(['OrderSaga'], undefined), SAGA)).toBe(true);
  });

  it('a batch spends one write per hundred orders, never more than a minute allows', () => {
    expect([1, 100, 101, 250, 1_000].map((orders) => batchWriteCost(orders, 30))).toEqual([1, 1, 2, 3, 10]);
    // Under a low limit a full batch takes the whole minute, but is not refused outright.
    expect(batchWriteCost(1_000, 6)).toBe(6);
  });
});
