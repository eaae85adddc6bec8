'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { ExecutionReading } from '@/lib/history/types';
import { FlowGraph } from '@/components/graph/flow-graph';
import { GraphLegend } from '@/components/graph/legend';
import { OUTCOME_TONE, STATUS_LABEL, STATUS_VAR, StatusIcon } from '@/components/graph/status';
import { executionDuration, formatDuration } from '@/components/ui/format';
import styles from './compare.module.css';
import { compareStates, formatDelta, highlightCss, type Side } from './compare-states';
import type { CompareSide } from './load';
import { executionHref } from '@/lib/executions/urls';

const GRAPH_SCOPE = '[data-compare-graph]';

function Summary({ label, side, sm }: { label: 'A' | 'B'; side: CompareSide; sm: string | undefined }) {
  const { reading } = side;
  return (
    <div className={styles.summary} data-testid={`compare-summary-${label.toLowerCase()}`}>
      <span className={styles.sideLabel}>{label}</span>
      <Link href={executionHref(side.name, sm)} className={styles.name}>
        {side.name}
      </Link>
      <span className={styles.facts}>
        <span data-status={reading.executionStatus}>{reading.executionStatus}</span>
        <span data-tone={STATUS_VAR[OUTCOME_TONE[reading.sagaOutcome]]} className={styles.outcome}>
          {reading.sagaOutcome}
        </span>
        <span>{formatDuration(executionDuration(reading))}</span>
      </span>
    </div>
  );
}

function StatusCell({ side }: { side: Side | undefined }) {
  if (!side) return <td className={styles.absent}>not in this definition</td>;
  return (
    <td data-status={side.status}>
      <span className={styles.status} data-tone={STATUS_VAR[side.status]}>
        <StatusIcon status={side.status} size={15} />
        {STATUS_LABEL[side.status]}
        {side.attempts > 1 && <span className={styles.attempts}>×{side.attempts}</span>}
      </span>
    </td>
  );
}

function GraphCard({ label, side, reading, selected, onSelect }: {
  label: 'A' | 'B';
  side: CompareSide;
  reading: ExecutionReading;
  selected: string | undefined;
  onSelect: (name: string | undefined) => void;
}) {
  return (
    <section className={`card ${styles.graphCard}`} aria-label={`Graph of ${side.name}`} data-testid={`compare-${label.toLowerCase()}`} data-compare-graph>
      <div className={styles.graphHeader}>
        <span className={styles.sideLabel}>{label}</span>
        <span className={styles.graphTitle}>{side.name}</span>
      </div>
      <div className={styles.graphBody}>
        <FlowGraph layout={side.layout} reading={reading} selectedId={selected} onSelect={onSelect} />
      </div>
    </section>
  );
}

/**
 * Two executions side by side: the same drawing for both, the states whose status
 * differs outlined on both graphs and marked in the table, and each state's duration on
 * either side with the difference (B − A).
 */
export function CompareView({ a, b, sameDefinition, sm }: { a: CompareSide; b: CompareSide; sameDefinition: boolean; sm?: string }) {
  const [selected, setSelected] = useState<string>();
  const rows = useMemo(() => compareStates(a.reading, b.reading, a.layout.nodes.map((n) => n.id)), [a, b]);
  const css = useMemo(() => highlightCss(GRAPH_SCOPE, rows.filter((r) => r.differs).map((r) => r.name)), [rows]);
  const differing = rows.filter((r) => r.differs).length;
  // One drawing when the definitions match, so a state sits at the same place on both sides.
  const bSide = sameDefinition ? { ...b, layout: a.layout } : b;
  const durationA = executionDuration(a.reading);
  const durationB = executionDuration(b.reading);

  return (
    <div className={styles.stack}>
      {css && <style>{css}</style>}
      <section className={`card ${styles.summaryCard}`} aria-label="Executions compared">
        <Summary label="A" side={a} sm={sm} />
        <div className={styles.delta}>
          <span className={styles.deltaCaption}>B − A</span>
          <span className={styles.deltaValue} data-testid="compare-total-delta">
            {formatDelta(durationA !== undefined && durationB !== undefined ? durationB - durationA : undefined)}
          </span>
          <span className={styles.deltaCaption} data-testid="compare-differing" data-count={differing}>
            {differing === 0 ? 'every state ran the same way' : `${differing} state${differing === 1 ? '' : 's'} differ`}
          </span>
        </div>
        <Summary label="B" side={b} sm={sm} />
      </section>
      {!sameDefinition && (
        <p className={styles.note} role="note" data-testid="compare-different-definitions">
          These executions ran different definitions: each is drawn with its own, and states only one has are listed as differing.
        </p>
      )}
      <div className={styles.legendRow}>
        <GraphLegend />
        <span className={styles.differsKey}>
          <span className={styles.differsSwatch} aria-hidden="true" /> status differs
        </span>
      </div>
      <div className={styles.graphs}>
        <GraphCard label="A" side={a} reading={a.reading} selected={selected} onSelect={setSelected} />
        <GraphCard label="B" side={bSide} reading={b.reading} selected={selected} onSelect={setSelected} />
      </div>
      <section className={`card ${styles.tableCard}`} aria-label="State by state">
        <table className={styles.table} data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">A status</th>
              <th scope="col">B status</th>
              <th scope="col" className={styles.num}>A took</th>
              <th scope="col" className={styles.num}>B took</th>
              <th scope="col" className={styles.num}>Δ (B − A)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.name}
                data-testid="compare-row"
                data-state={row.name}
                data-differs={row.differs}
                data-selected={row.name === selected}
                className={row.differs ? styles.differs : undefined}
              >
                <th scope="row" data-role={row.role}>
                  {/* Selecting a row selects the state on both graphs. */}
                  <button
                    type="button"
                    className={styles.rowButton}
                    aria-pressed={row.name === selected}
                    onClick={() => setSelected(row.name === selected ? undefined : row.name)}
                  >
                    {row.differs && <span className="visually-hidden">Differs: </span>}
                    {row.name}
                  </button>
                </th>
                <StatusCell side={row.a} />
                <StatusCell side={row.b} />
                <td className={styles.num}>{formatDuration(row.a?.durationMs)}</td>
                <td className={styles.num}>{formatDuration(row.b?.durationMs)}</td>
                <td className={styles.num} data-testid="compare-delta">
                  {formatDelta(row.deltaMs)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
