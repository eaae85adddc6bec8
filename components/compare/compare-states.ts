/**
 * Two executions, state by state: status on each side, whether they differ, and how
 * long each state took with the difference. Pure, so the page is a rendering of this.
 */
import type { StateRole } from '@/lib/asl/types';
import type { ExecutionReading, StateStatus } from '@/lib/history/types';
import { formatDuration } from '@/components/ui/format';

export type Side = { status: StateStatus; attempts: number; durationMs?: number };

export type StateComparison = {
  name: string;
  role: StateRole;
  /** undefined: the state is not in that execution's definition */
  a?: Side;
  b?: Side;
  differs: boolean;
  /** b's duration minus a's, when both are known */
  deltaMs?: number;
};

const sideOf = (reading: ExecutionReading, name: string): Side | undefined => {
  const state = reading.states[name];
  return state && { status: state.status, attempts: state.attempts, durationMs: state.durationMs };
};

/** `order` is the drawing order (the layout's nodes); states only one side has come last. */
export function compareStates(a: ExecutionReading, b: ExecutionReading, order: readonly string[]): StateComparison[] {
  const names = [...new Set([...order, ...Object.keys(a.states), ...Object.keys(b.states)])];
  return names.map((name) => {
    const left = sideOf(a, name);
    const right = sideOf(b, name);
    const role = (a.states[name] ?? b.states[name])?.role ?? 'forward';
    const deltaMs =
      left?.durationMs !== undefined && right?.durationMs !== undefined ? right.durationMs - left.durationMs : undefined;
    return {
      name,
      role,
      ...(left ? { a: left } : {}),
      ...(right ? { b: right } : {}),
      differs: left?.status !== right?.status,
      ...(deltaMs !== undefined ? { deltaMs } : {}),
    };
  });
}

/** A signed duration: "+1.20 s", "−350 ms", "±0 ms"; the sign says which side took longer. */
export function formatDelta(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms === 0) return '±0 ms';
  return `${ms > 0 ? '+' : '−'}${formatDuration(Math.abs(ms))}`;
}

/**
 * CSS outlining the given states in the graphs under `scope`. Graph nodes carry their
 * state name in `data-id`; names are quoted as CSS strings, with `<` escaped so a name
 * can never close the style element.
 */
export function highlightCss(scope: string, names: readonly string[]): string {
  const quote = (name: string) =>
    `"${name.replace(/[\\"]/g, (c) => `\\${c}`).replace(/</g, '\\3c ').replace(/\n/g, '\\a ')}"`;
  return names
    .map((name) => `${scope} .react-flow__node[data-id=${quote(name)}]`)
    .join(',\n')
    .concat(names.length > 0 ? ' { outline: 3px dashed var(--caught); outline-offset: 5px; border-radius: 12px; }' : '');
}
