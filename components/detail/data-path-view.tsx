import type { DataStep } from '@/lib/history/data-path';
import { formatJson } from '@/components/ui/format';
import panel from '@/components/ui/panel.module.css';
import styles from './detail.module.css';

const expressionText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** input → Parameters → result → ResultPath → output, each with what the definition says about it. */
export function DataPathView({ steps }: { steps: readonly DataStep[] }) {
  return (
    <ol className={styles.dataPath} data-testid="data-path" aria-label="Data path">
      {steps.map((step) => (
        <li key={step.kind} className={styles.dataStep} data-step={step.kind} data-recorded={step.recorded}>
          <div className={styles.dataStepHead}>
            <span className={styles.dataStepLabel}>{step.label}</span>
            {step.expression !== undefined && (
              <code className={styles.expression} data-testid={`data-path-${step.kind}-expression`}>
                {expressionText(step.expression)}
              </code>
            )}
          </div>
          {step.note && <p className={styles.dataStepNote}>{step.note}</p>}
          {step.kind !== 'result-path' &&
            (step.recorded ? (
              <pre className={panel.json} data-testid={`data-path-${step.kind}`}>
                {formatJson(step.value)}
              </pre>
            ) : (
              <p className={styles.dataStepNote} data-testid={`data-path-${step.kind}`}>
                Not in this history.
              </p>
            ))}
        </li>
      ))}
    </ol>
  );
}
