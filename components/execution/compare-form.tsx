'use client';

import Form from 'next/form';
import { useId, useRef, useState } from 'react';
import { recentExecutions } from './actions';
import styles from './actions.module.css';
import type { ExecutionTarget } from './execution-target';

/**
 * "Compare with…": a GET form to /compare, so it works before hydration and the URL is
 * shareable. Recent executions of the same machine are offered once the field is focused
 * (one ListExecutions call per page, not per keystroke); any name can be typed.
 */
export function CompareForm({ target }: { target: ExecutionTarget }) {
  const listId = useId();
  const [names, setNames] = useState<string[]>([]);
  const asked = useRef(false);

  const offerRecent = async () => {
    if (asked.current) return;
    asked.current = true;
    const result = await recentExecutions({ name: target.name, stateMachineArn: target.stateMachineArn });
    // Suggestions are a convenience: without them the field still takes a typed name.
    if (result.status === 'done') setNames(result.names);
  };

  return (
    <Form action="/compare" className={styles.group} data-testid="compare-form">
      <label className={styles.groupLabel} htmlFor={`${listId}-b`}>
        Compare with
      </label>
      <input type="hidden" name="a" value={target.name} />
      {target.stateMachineArn && <input type="hidden" name="sm" value={target.stateMachineArn} />}
      <input
        id={`${listId}-b`}
        className={styles.input}
        name="b"
        required
        maxLength={80}
        title="An execution name, as Step Functions shows it"
        placeholder="execution name"
        list={listId}
        autoComplete="off"
        onFocus={() => void offerRecent()}
        data-testid="compare-with"
      />
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <button type="submit" className="btn" data-testid="compare-submit">
        Compare
      </button>
    </Form>
  );
}
