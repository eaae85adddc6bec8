import Form from 'next/form';
import Link from 'next/link';
import { SCENARIO_CODES } from '@/lib/saga/scenarios';
import { instantText, listQuery, type ListFilters } from '@/lib/executions/filters';
import { EXECUTION_STATUSES } from '@/lib/core/execution-status';
import { SAGA_OUTCOMES } from '@/lib/history/types';
import { OUTCOME_LABEL } from '@/components/graph/status';
import { EXECUTION_STATUS_LABEL } from './format';
import styles from './executions.module.css';

/** One filter picked from a closed list, or Any. */
function Choice<T extends string>({
  label,
  name,
  value,
  options,
  labelOf,
}: {
  label: string;
  name: string;
  value: T | undefined;
  options: readonly T[];
  labelOf: (option: T) => string;
}) {
  return (
    <label className={styles.field}>
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ''} data-testid={`filter-${name}`}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The filters, as a GET form: applying them is a navigation to the URL that holds them,
 * so every filtered view is a link, and the form works before hydration. Applying starts
 * again at the first page.
 */
export function FilterForm({ filters, action = '/executions' }: { filters: ListFilters; action?: '/executions' | '/aggregate' }) {
  const when = (ms: number | undefined) => (ms === undefined ? '' : instantText(ms));
  return (
    // Keyed by the query so Clear, Back and Forward reset the uncontrolled fields.
    <Form action={action} className={`card ${styles.filters}`} key={listQuery(filters)} data-testid="filters" aria-label="Filters">
      {filters.sm !== undefined && <input type="hidden" name="sm" value={filters.sm} />}
      {filters.batch !== undefined && <input type="hidden" name="batch" value={filters.batch} />}
      <label className={styles.field}>
        <span>Search</span>
        <input type="search" name="q" defaultValue={filters.q ?? ''} placeholder="Execution name or order id" maxLength={80} data-testid="filter-q" />
      </label>
      <Choice label="Status" name="status" value={filters.status} options={EXECUTION_STATUSES} labelOf={(s) => EXECUTION_STATUS_LABEL[s]} />
      <Choice label="Outcome" name="outcome" value={filters.outcome} options={SAGA_OUTCOMES} labelOf={(o) => OUTCOME_LABEL[o]} />
      <Choice label="Scenario" name="scenario" value={filters.scenario} options={SCENARIO_CODES} labelOf={(c) => c} />
      <label className={styles.field}>
        <span>Started from (UTC)</span>
        <input type="datetime-local" name="from" step={1} defaultValue={when(filters.from)} data-testid="filter-from" />
      </label>
      <label className={styles.field}>
        <span>to (UTC)</span>
        <input type="datetime-local" name="to" step={1} defaultValue={when(filters.to)} data-testid="filter-to" />
      </label>
      <div className={styles.formActions}>
        <button type="submit" className="btn btn--primary" data-testid="filter-apply">
          Apply
        </button>
        <Link href={`/executions${filters.sm === undefined ? '' : `?${listQuery({ sm: filters.sm, prev: [] })}`}`} className="btn" data-testid="filter-clear">
          Clear
        </Link>
      </div>
    </Form>
  );
}
