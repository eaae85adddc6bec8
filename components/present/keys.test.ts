import { describe, expect, it } from 'vitest';
import { commandFor, type KeyPress } from './keys';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inField: false,
  ...extra,
});

describe('presenter keys', () => {
  it('maps each key to its command in presenter mode', () => {
    expect(commandFor(press('3'), true)).toEqual({ kind: 'preset', index: 2 });
    expect(commandFor(press('r'), true)).toEqual({ kind: 'run-again' });
    expect(commandFor(press('f'), true)).toEqual({ kind: 'fullscreen' });
    expect(commandFor(press('?'), true)).toEqual({ kind: 'help' });
    expect(commandFor(press('p'), true)).toEqual({ kind: 'toggle-present' });
  });

  it('outside presenter mode only p does anything, so a stray digit starts nothing', () => {
    expect(commandFor(press('p'), false)).toEqual({ kind: 'toggle-present' });
    for (const key of ['1', 'r', 'f', '?']) expect(commandFor(press(key), false)).toBeUndefined();
  });

  it('ignores typing in a field and keys with modifiers (browser shortcuts stay theirs)', () => {
    expect(commandFor(press('r', { inField: true }), true)).toBeUndefined();
    expect(commandFor(press('r', { ctrlKey: true }), true)).toBeUndefined();
    expect(commandFor(press('p', { metaKey: true }), true)).toBeUndefined();
    expect(commandFor(press('0'), true)).toBeUndefined();
  });
});
