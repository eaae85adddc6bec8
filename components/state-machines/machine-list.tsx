import Link from 'next/link';
import type { StateMachineSummary } from '@/lib/sfn';
import styles from './state-machines.module.css';

/** Every state machine the engine or the AWS account has; the saga is one of them. */
export function MachineList({ machines }: { machines: StateMachineSummary[] }) {
  if (machines.length === 0) return <p className={styles.empty}>No state machines are registered yet.</p>;
  return (
    <ul className={styles.list} data-testid="machine-list">
      {machines.map((m) => (
        <li key={m.stateMachineArn}>
          <Link href={`/state-machines/${encodeURIComponent(m.name)}`} className={`card ${styles.item}`} data-testid={`machine-${m.name}`}>
            <span className={styles.name}>{m.name}</span>
            <span className={styles.meta}>
              {m.type} · <code>{m.stateMachineArn}</code>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
