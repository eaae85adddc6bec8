import { describe, expect, it } from 'vitest';
import { createFollowPointer, parseFollowed, type Followed, type FollowStorage } from './follow';

function memory(initial?: Followed): FollowStorage & { saved: Followed[] } {
  const saved: Followed[] = [];
  return { saved, load: () => initial, save: (f) => saved.push(f) };
}
const clock = () => new Date('2030-01-01T00:00:00.000Z');

describe('the follow pointer', () => {
  it('starts from what storage kept (a restarted dashboard keeps the room on its execution)', () => {
    const kept = { name: 'fail-payment--o1', since: '2029-12-31T00:00:00.000Z' };
    expect(createFollowPointer(memory(kept), clock).current()).toEqual(kept);
    expect(createFollowPointer(memory(), clock).current()).toBeUndefined();
  });

  it('moves, saves and tells every subscriber; an unsubscribed one hears nothing more', () => {
    const storage = memory();
    const pointer = createFollowPointer(storage, clock);
    const heard: string[] = [];
    const other: string[] = [];
    const stop = pointer.subscribe((f) => heard.push(f.name));
    pointer.subscribe((f) => other.push(f.name));
    pointer.set('a', undefined);
    stop();
    pointer.set('b', 'arn:aws:states:us-east-1:000000000000:stateMachine:Other');
    expect(heard).toEqual(['a']);
    expect(other).toEqual(['a', 'b']);
    expect(pointer.current()).toEqual({ name: 'b', stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Other', since: '2030-01-01T00:00:00.000Z' });
    expect(storage.saved.map((f) => f.name)).toEqual(['a', 'b']);
  });

  it('reads a damaged file as nothing recorded', () => {
    for (const bad of [null, 'x', {}, { name: '' , since: 'x' }, { name: 'a' }, { name: 'a', since: 'x', stateMachineArn: 3 }]) {
      expect(parseFollowed(bad)).toBeUndefined();
    }
    expect(parseFollowed({ name: 'a', since: 'x', extra: 1 })).toEqual({ name: 'a', since: 'x' });
  });
});
