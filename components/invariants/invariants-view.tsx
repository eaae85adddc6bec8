import Link from 'next/link';
import type { InvariantReport, Offender } from '@/lib/invariants/check';
import { executionHref } from '@/lib/executions/urls';
import styles from './invariants.module.css';

/** Offenders listed per invariant; more are counted, not drawn. */
const SHOWN = 25;

function OffenderItem({ o }: { o: Offender }) {
  return (
    <li data-testid="offender" data-key={o.key}>
      <span>{o.detail}</span>
      {o.executionName && (
        <Link href={executionHref(o.executionName)} className="mono">
          {o.executionName}
        </Link>
      )}
    </li>
  );
}

/** Each invariant green or red, what breaks a red one with links to the executions, the SKU balances, and who needs a human. */
export function InvariantsView({ report }: { report: InvariantReport }) {
  const allHold = report.results.every((r) => r.holds);
  return (
    <>
      <p className={styles.summary} data-testid="invariants-summary" data-all-hold={allHold}>
        {allHold ? 'Every invariant holds' : `${report.results.filter((r) => !r.holds).length} invariant(s) broken`} over {report.counts.orders}{' '}
        orders, {report.counts.payments} payments and {report.counts.skus} SKUs, read from the tables just now.
      </p>
      <ul className={styles.list}>
        {report.results.map((r) => (
          <li key={r.id} className={`card ${styles.invariant}`} data-testid={`invariant-${r.id}`} data-holds={r.holds}>
            <div className={styles.head}>
              <span className={styles.mark} aria-hidden="true">
                {r.holds ? '✓' : '✗'}
              </span>
              <span className={styles.title}>{r.title}</span>
              <span className={styles.verdict}>{r.holds ? 'holds' : `broken by ${r.offenders.length}`}</span>
            </div>
            {!r.holds && (
              <ul className={styles.offenders}>
                {r.offenders.slice(0, SHOWN).map((o) => (
                  <OffenderItem key={o.key} o={o} />
                ))}
                {r.offenders.length > SHOWN && <li>…and {r.offenders.length - SHOWN} more</li>}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <div className={styles.columns}>
        <section className={`card ${styles.panel}`} aria-label="Stock per SKU" data-testid="sku-balances">
          <h2 className="card__title">Stock per SKU</h2>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">seed</th>
                <th scope="col">− confirmed</th>
                <th scope="col">− held</th>
                <th scope="col">= expected</th>
                <th scope="col">available</th>
              </tr>
            </thead>
            <tbody>
              {report.balances.map((b) => {
                const expected = b.seed - b.confirmed - b.held;
                return (
                  <tr key={b.sku} data-testid={`balance-${b.sku}`} data-holds={expected === b.available}>
                    <td className="mono">{b.sku}</td>
                    <td>{b.seed}</td>
                    <td>{b.confirmed}</td>
                    <td>{b.held}</td>
                    <td>{expected}</td>
                    <td className={expected === b.available ? '' : styles.bad}>{b.available}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section className={`card ${styles.panel}`} aria-label="Needs a human" data-testid="needs-human">
          <h2 className="card__title">Needs a human ({report.needsHuman.length})</h2>
          {report.needsHuman.length === 0 ? (
            <p className={styles.muted}>No rollback is waiting for a person.</p>
          ) : (
            <ul className={styles.offenders}>
              {report.needsHuman.slice(0, SHOWN).map((o) => (
                <OffenderItem key={o.key} o={o} />
              ))}
              {report.needsHuman.length > SHOWN && <li>…and {report.needsHuman.length - SHOWN} more</li>}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
