'use client';

import { useMemo } from 'react';
import type { AslDefinition } from '@/lib/asl/types';
import type { ExecutionReading } from '@/lib/history/types';
import { FlowGraph } from '@/components/graph/flow-graph';
import { layoutDefinition, PRESENT_LAYOUT_OPTIONS } from '@/components/graph/layout';
import { OUTCOME_MEANING, OUTCOME_TONE, STATUS_VAR, StatusIcon } from '@/components/graph/status';
import { PRESENT_FIT_OPTIONS } from '@/components/graph/viewport';
import styles from './present.module.css';

/**
 * Presenter mode's execution page: the saga outcome and the graph fill the screen, laid
 * out with presenter-sized boxes, and one line of narration says what just happened.
 */
export function PresenterStage({
  name,
  definition,
  reading,
  narration,
}: {
  name: string;
  definition: AslDefinition;
  reading: ExecutionReading;
  /** one plain sentence about what just happened (lib/history/narration.ts); the line keeps its height when empty */
  narration?: string;
}) {
  // The server's layout is sized for the normal page; presenter boxes are larger.
  const layout = useMemo(() => layoutDefinition(definition, PRESENT_LAYOUT_OPTIONS), [definition]);
  const outcome = reading.sagaOutcome;
  return (
    <section className={styles.stage} aria-label="Presenter view" data-testid="presenter-stage">
      <header className={styles.bar}>
        <div className={styles.outcome} data-tone={STATUS_VAR[OUTCOME_TONE[outcome]]}>
          <span className={styles.outcomeLabel} data-testid="saga-outcome" data-outcome={outcome}>
            <StatusIcon status={OUTCOME_TONE[outcome]} size={34} />
            {outcome}
          </span>
          <span className={styles.outcomeMeaning}>{OUTCOME_MEANING[outcome]}</span>
        </div>
        <div className={styles.facts}>
          <span className={styles.name} data-testid="execution-name">
            {name}
          </span>
          <span className={styles.keysHint}>
            <kbd>?</kbd> keys · <kbd>p</kbd> leave
          </span>
        </div>
      </header>
      <p className={styles.narration} data-testid="narration" aria-live="polite">
        {narration}
      </p>
      <div className={styles.graph}>
        <FlowGraph layout={layout} reading={reading} fit={PRESENT_FIT_OPTIONS} />
      </div>
    </section>
  );
}
