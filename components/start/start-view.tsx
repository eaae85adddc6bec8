import type { SagaPreset } from '@/lib/saga/scenarios';
import type { SwitchField } from '@/lib/saga/fields';
import type { LaidOutGraph } from '@/lib/asl/types';
import type { Attempt } from '@/lib/sfn/errors';
import { FlowGraph } from '@/components/graph/flow-graph';
import { GraphLegend } from '@/components/graph/legend';
import { ErrorBanner } from '@/components/ui/banner';
import { TargetChip } from '@/components/ui/site-header';
import { ScenarioForm } from './scenario-form';
import { StartScreen } from './start-screen';
import styles from './start.module.css';

/** The start page: what will run (the graph) beside how it will run (the scenario). */
export function StartView({
  machine,
  targetLabel,
  fields,
  presets,
}: {
  machine: Attempt<{ name: string; layout: LaidOutGraph; presentLayout: LaidOutGraph }>;
  targetLabel: string;
  fields: readonly SwitchField[];
  presets: readonly SagaPreset[];
}) {
  return (
    <StartScreen presentLayout={machine.ok ? machine.value.presentLayout : undefined} presets={presets} fields={fields}>
      <div className={styles.intro}>
        <h1>Start an order</h1>
        <TargetChip label={targetLabel} />
        <p className={styles.lead}>
          Pick a scenario, flip the failure switches, and start. The saga runs forward; when a step fails, the
          compensation path undoes what was done, and the data shows it.
        </p>
      </div>
      {!machine.ok && (
        <div style={{ marginBottom: '1.25rem' }}>
          <ErrorBanner title="Cannot load the saga" message={machine.error.message} />
        </div>
      )}
      <div className={styles.layout}>
        <section className={`card ${styles.graphCard}`} aria-label="Saga graph">
          <div className={styles.graphHeader}>
            <h2 className="card__title">{machine.ok ? machine.value.name : 'Saga'} state machine</h2>
            <GraphLegend statuses={false} />
          </div>
          <div className={styles.graphBody}>
            {machine.ok ? <FlowGraph layout={machine.value.layout} /> : <div className={`skeleton ${styles.graphBody}`} />}
          </div>
        </section>
        <section className={`card ${styles.panel}`} aria-label="Scenario">
          <ScenarioForm fields={fields} presets={presets} />
        </section>
      </div>
    </StartScreen>
  );
}
