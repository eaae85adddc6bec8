/**
 * Presenter keys, as a pure mapping from a key press to what it asks for, so the
 * component only performs it. Typing in a field never triggers a shortcut.
 */
export type PresenterCommand =
  | { kind: 'toggle-present' }
  | { kind: 'fullscreen' }
  | { kind: 'help' }
  | { kind: 'run-again' }
  | { kind: 'preset'; index: number };

export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; inField: boolean };

/** What the `?` overlay lists, in order. */
export const KEY_HELP: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: '1 – 9', what: 'start the preset with that number' },
  { keys: 'r', what: 'run the same scenario again' },
  { keys: 'f', what: 'full screen on or off' },
  { keys: 'p', what: 'presenter mode on or off' },
  { keys: '?', what: 'this list' },
];

export function commandFor(press: KeyPress, presenting: boolean): PresenterCommand | undefined {
  if (press.inField || press.ctrlKey || press.metaKey || press.altKey) return undefined;
  if (press.key === 'p') return { kind: 'toggle-present' };
  // The rest only in presenter mode: a stray digit on a normal page starts nothing.
  if (!presenting) return undefined;
  if (press.key === 'f') return { kind: 'fullscreen' };
  if (press.key === '?') return { kind: 'help' };
  if (press.key === 'r') return { kind: 'run-again' };
  if (/^[1-9]$/.test(press.key)) return { kind: 'preset', index: Number(press.key) - 1 };
  return undefined;
}
