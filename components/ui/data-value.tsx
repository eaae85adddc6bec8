import list from './data-list.module.css';

/** Status words get the status palette: good, undone, or pending. */
const TONE: Record<string, string> = {
  CONFIRMED: 'succeeded',
  CHARGED: 'succeeded',
  CANCELLED: 'caught',
  REFUNDED: 'caught',
  PENDING: 'running',
};

/**
 * One value of the order's data, as the live panel and replay's panel show it; tests read it
 * by `data-<name>` (test id and attribute alike). Missing values read "—".
 */
export function DataValue({ name, value }: { name: string; value: string | number | undefined }) {
  const text = value === undefined ? '—' : String(value);
  return (
    <dd
      className={list.dataValue}
      data-testid={`data-${name}`}
      {...{ [`data-${name}`]: text }}
      data-tone={typeof value === 'string' ? TONE[value] : undefined}
    >
      {text}
    </dd>
  );
}
