import Link from 'next/link';
import type { ExecutionList } from '@/lib/executions/server';
import { firstPage, listQuery } from '@/lib/executions/filters';
import { machineNameOf } from '@/lib/executions/machine';
import { ErrorBanner } from '@/components/ui/banner';
import { ExecutionsTable } from './executions-table';
import { FilterForm } from './filter-form';
import styles from './executions.module.css';

/** The executions page: the machine, the filters, then the list or what went wrong. */
export function ExecutionsView({ list }: { list: ExecutionList }) {
  if (list.kind === 'bad-filters') {
    return (
      <>
        <Heading />
        <FilterForm filters={{ prev: [] }} />
        <section className={`banner ${styles.problems}`} role="alert" data-testid="filter-error">
          <div className="banner__body">
            <div className="banner__title">These filters cannot be applied</div>
            <ul>
              {list.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
          <Link href="/executions" className="btn" data-testid="filter-reset">
            Show all executions
          </Link>
        </section>
      </>
    );
  }
  if (list.kind === 'error') {
    const first = `/executions${list.filters.sm === undefined ? '' : `?${listQuery({ sm: list.filters.sm, prev: [] })}`}`;
    return (
      <>
        <Heading machine={list.filters.sm === undefined ? undefined : machineNameOf(list.filters.sm)} />
        <FilterForm filters={{ ...list.filters, page: undefined, prev: [] }} />
        <ErrorBanner title="Cannot list executions" message={list.error.message} />
        {list.error.kind === 'InvalidPageTokenError' && (
          <p className={styles.note}>
            <Link href={first} data-testid="first-page">
              Go to the first page
            </Link>
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <Heading machine={list.machine.name} aggregate={`/aggregate?${listQuery(firstPage(list.filters))}`} batch={list.filters.batch} />
      <FilterForm filters={list.filters} />
      <ExecutionsTable initial={list.result} filters={list.filters} machine={list.machine} />
    </>
  );
}

function Heading({ machine, aggregate, batch }: { machine?: string; aggregate?: string; batch?: string }) {
  return (
    <div className={styles.intro}>
      <h1>Executions{batch !== undefined && <span className="mono"> of batch {batch}</span>}</h1>
      {machine !== undefined && (
        <span className={styles.machine}>
          of{' '}
          <Link href={`/state-machines/${encodeURIComponent(machine)}`} data-testid="list-machine">
            {machine}
          </Link>{' '}
          · <Link href="/state-machines">other machines</Link>
          {aggregate !== undefined && (
            <>
              {' '}
              ·{' '}
              <Link href={aggregate} data-testid="list-aggregate">
                heatmap of these
              </Link>
            </>
          )}
        </span>
      )}
    </div>
  );
}
