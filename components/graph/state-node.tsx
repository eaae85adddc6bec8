'use client';

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, memo } from 'react';
import styles from './graph.module.css';
import { STATUS_LABEL, STATUS_VAR, StatusIcon } from './status';
import type { GroupFlowNode, StateFlowNode, StateNodeData } from './types';
import type { CountedStatus, StateCounts } from '@/lib/aggregate/summarize';

/** Task is the norm, so only other types are named; compensation steps say what they are for. */
const typeCaption = (data: StateNodeData) =>
  [data.role === 'compensation' ? 'undo' : '', data.stateType === 'Task' ? '' : data.stateType].filter(Boolean).join(' · ');

const COUNTED: readonly CountedStatus[] = ['SUCCEEDED', 'CAUGHT', 'FAILED', 'ABORTED', 'RUNNING'];

/** The aggregate view's bottom line: a badge per status that occurred, icon, number and word in its title. */
function CountBadges({ counts }: { counts: StateCounts }) {
  const shown = COUNTED.filter((s) => (counts[s] ?? 0) > 0);
  if (shown.length === 0) return <span className={styles.nodeType}>never ran</span>;
  return (
    <span className={styles.counts}>
      {shown.map((s) => (
        <span key={s} className={styles.count} data-tone={STATUS_VAR[s]} title={`${counts[s] ?? 0} ${STATUS_LABEL[s].toLowerCase()}`}>
          <StatusIcon status={s} size={14} />
          {counts[s]}
        </span>
      ))}
    </span>
  );
}

/** Status, icon, word and attempts: shared by plain states and group headers. */
function StateSummary({ data }: { data: StateNodeData }) {
  if (data.counts) {
    return (
      <>
        <div className={styles.nodeTop}>
          <span className={styles.nodeName} title={data.name}>
            {data.name}
          </span>
        </div>
        <div className={styles.nodeBottom}>
          <CountBadges counts={data.counts} />
          <span className={styles.nodeType}>{typeCaption(data)}</span>
        </div>
      </>
    );
  }
  return (
    <>
      <div className={styles.nodeTop}>
        <span className={styles.nodeName} title={data.name}>
          {data.name}
        </span>
        {data.attempts > 1 && (
          <span className={styles.attempts} data-testid={`attempts-${data.name}`} title={`${data.attempts} attempts`}>
            ×{data.attempts}
          </span>
        )}
      </div>
      <div className={styles.nodeBottom}>
        <span className={styles.statusWord}>
          <StatusIcon status={data.status} />
          {STATUS_LABEL[data.status]}
        </span>
        <span className={styles.nodeType}>
          {data.iterations !== undefined && (
            <span data-testid={`iterations-${data.name}`}>
              {data.iterations} {data.iterations === 1 ? 'iteration' : 'iterations'} ·{' '}
            </span>
          )}
          {typeCaption(data)}
        </span>
      </div>
    </>
  );
}

const nodeProps = (data: StateNodeData, className: string) => ({
  className,
  'data-testid': `state-${data.name}`,
  'data-status': data.status,
  'data-role': data.role,
  'data-tone': STATUS_VAR[data.status],
  ...(data.counts
    ? {
        'data-counts': JSON.stringify(data.counts),
        'data-heat': (data.heat ?? 0).toFixed(2),
        // Heat: the share of runs that went wrong here, from the surface to the failure colour.
        style: { '--heat': `${Math.round((data.heat ?? 0) * 70)}%` } as CSSProperties,
      }
    : {}),
});

export const StateNode = memo(function StateNode({ data, selected }: NodeProps<StateFlowNode>) {
  return (
    <div {...nodeProps(data, `${styles.node}${selected ? ` ${styles.selected}` : ''}`)}>
      <Handle type="target" position={Position.Top} isConnectable={false} className={styles.handle} />
      <StateSummary data={data} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={styles.handle} />
    </div>
  );
});

export const GroupStateNode = memo(function GroupStateNode({ data, selected }: NodeProps<GroupFlowNode>) {
  return (
    <div {...nodeProps(data, `${styles.group}${selected ? ` ${styles.selected}` : ''}`)}>
      <Handle type="target" position={Position.Top} isConnectable={false} className={styles.handle} />
      <div className={styles.groupHeader}>
        <StateSummary data={data} />
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={styles.handle} />
    </div>
  );
});
