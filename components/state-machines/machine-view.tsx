import Link from 'next/link';
import { FlowGraph } from '@/components/graph/flow-graph';
import { GraphLegend } from '@/components/graph/legend';
import { formatTime } from '@/components/ui/format';
import type { MachineDetail } from './load';
import styles from './state-machines.module.css';
import { executionHref, executionsHref } from '@/lib/executions/urls';

/** A state machine's graph beside its latest executions, each a link to its live page. */
export function MachineView({ detail }: { detail: MachineDetail }) {
  const { machine, layout, executions } = detail;
  return (
    <>
      <div className={styles.intro}>
        <nav aria-label="Breadcrumb" className={styles.crumbs}>
          <Link href="/state-machines">State machines</Link> <span aria-hidden="true">/</span> <span>{machine.name}</span>
        </nav>
        <h1 data-testid="machine-name">{machine.name}</h1>
      </div>
      <div className={styles.layout}>
        <section className={`card ${styles.graphCard}`} aria-label="State machine graph">
          <div className={styles.graphHeader}>
            <h2 className="card__title">Graph</h2>
            <GraphLegend />
          </div>
          <div className={styles.graphBody}>
            <FlowGraph layout={layout} />
          </div>
        </section>
        <section className={`card ${styles.runs}`} aria-label="Latest executions">
          <h2 className="card__title">Latest executions</h2>
          <Link href={executionsHref(machine.name)} data-testid="machine-all-executions">
            All executions, with filters
          </Link>
          {executions.length === 0 ? (
            <p className={styles.empty}>No executions yet.</p>
          ) : (
            <ul className={styles.runList} data-testid="machine-executions">
              {executions.map((e) => (
                <li key={e.executionArn}>
                  <Link href={executionHref(e.name, machine.stateMachineArn)} data-testid={`run-${e.name}`}>
                    {e.name}
                  </Link>
                  <span className={styles.meta}>
                    {e.status} · {formatTime(e.startedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
