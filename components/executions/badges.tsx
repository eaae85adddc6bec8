import type { ExecutionStatus } from '@/lib/core/execution-status';
import type { SagaOutcome } from '@/lib/history/types';
import type { StepMark } from '@/lib/executions/facts';
import { OUTCOME_LABEL, OUTCOME_TONE, STATUS_LABEL, STATUS_VAR, StatusIcon } from '@/components/graph/status';
import { EXECUTION_STATUS_LABEL, EXECUTION_STATUS_TONE } from './format';
import styles from './executions.module.css';

/** Colour from the status palette, always with a word and an icon beside it. */
const tone = (status: keyof typeof STATUS_VAR) => ({
  color: `var(--${STATUS_VAR[status]})`,
  background: `var(--${STATUS_VAR[status]}-soft)`,
});

function Badge({ look, label, testId }: { look: keyof typeof STATUS_VAR; label: string; testId: string }) {
  return (
    <span className={styles.badge} style={tone(look)} data-testid={testId}>
      <StatusIcon status={look} size={16} />
      {label}
    </span>
  );
}

export function ExecutionStatusBadge({ status }: { status: ExecutionStatus }) {
  return <Badge look={EXECUTION_STATUS_TONE[status]} label={EXECUTION_STATUS_LABEL[status]} testId="row-status" />;
}

export function OutcomeBadge({ outcome }: { outcome: SagaOutcome | undefined }) {
  if (outcome === undefined) return <span className={styles.muted} title="The history could not be read">—</span>;
  return <Badge look={OUTCOME_TONE[outcome]} label={OUTCOME_LABEL[outcome]} testId="row-outcome" />;
}

export function StepCell({ step }: { step: StepMark | undefined }) {
  if (!step) return <span className={styles.muted}>—</span>;
  return (
    <span className={styles.step} style={{ color: `var(--${STATUS_VAR[step.status]})` }} title={STATUS_LABEL[step.status]} data-testid="row-step">
      <StatusIcon status={step.status} size={16} />
      <span className={styles.stepName}>{step.name}</span>
      <span className="visually-hidden">({STATUS_LABEL[step.status]})</span>
    </span>
  );
}
