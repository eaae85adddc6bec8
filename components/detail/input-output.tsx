import type { ExecutionReading } from '@/lib/history/types';
import { parsePayload } from '@/lib/core/values';
import { formatJson } from '@/components/ui/format';
import { CopyButton } from './copy-button';
import styles from './detail.module.css';

function JsonCard({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  const text = formatJson(value);
  return (
    <section className={styles.ioCard} aria-label={title}>
      <div className={styles.ioHead}>
        <h3 className="card__title">{title}</h3>
        {value !== undefined && <CopyButton text={text} label={title} testId={`${testId}-copy`} />}
      </div>
      <pre className={styles.ioJson} data-testid={testId}>
        {text}
      </pre>
    </section>
  );
}

/** The execution's input, and its output or, when it failed, its error. */
export function InputOutput({ reading }: { reading: ExecutionReading }) {
  const failed = reading.error !== undefined || reading.cause !== undefined;
  return (
    <div className={styles.io} data-testid="input-output">
      <JsonCard title="Execution input" value={reading.input} testId="execution-input" />
      {reading.executionStatus === 'RUNNING' ? (
        <section className={styles.ioCard} aria-label="Execution output">
          <h3 className="card__title">Execution output</h3>
          <p className={styles.empty}>Still running: the output comes when it ends.</p>
        </section>
      ) : failed ? (
        <JsonCard
          title={`Execution ${reading.executionStatus.toLowerCase().replace('_', ' ')}`}
          // Causes are usually JSON in a string: shown as structure.
          value={{ Error: reading.error, Cause: parsePayload(reading.cause) }}
          testId="execution-error-output"
        />
      ) : (
        <JsonCard title="Execution output" value={reading.output} testId="execution-output" />
      )}
    </div>
  );
}
