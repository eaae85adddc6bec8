'use client';

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { type CSSProperties, memo } from 'react';
import { formatDuration } from '@/components/ui/format';
import styles from './graph.module.css';
import { STATUS_LABEL, STATUS_VAR, StatusIcon } from './status';
import type { GroupFlowNode, StateFlowNode, StateNodeData } from './types';
import type { CountedStatus, StateCounts } from '@/lib/aggregate/summarize';

/**
 * A handle on every side, for each direction: the saga layout joins sides that face each
 * other (across, or back up). Top-in and bottom-out come first: React Flow's default.
 */
const SIDES = [
  ['top', Position.Top],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
  ['right', Position.Right],
] as const;

function Handles() {
  return (
    <>
      {SIDES.map(([side, position]) => (
        <Handle key={`t-${side}`} id={`target-${side}`} type="target" position={position} isConnectable={false} className={styles.handle} />
      ))}
      {SIDES.map(([side, position]) => (
        <Handle key={`s-${side}`} id={`source-${side}`} type="source" position={position} isConnectable={false} className={styles.handle} />
      ))}
    </>
  );
}

/** The name's length, so CSS can shrink a long name to fit its box instead of cutting it. */
const nameFit = (name: string) => ({ '--name-length': String(Math.max(name.length, 1)) }) as CSSProperties;

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
          <span className={styles.nodeName} style={nameFit(data.name)} data-testid={`state-title-${data.name}`}>
            {data.name}
          </span>
        </div>
        <div className={styles.nodeBottom}>
          <CountBadges counts={data.counts} />
          {data.caption && <span className={styles.nodeType}>{data.caption}</span>}
        </div>
      </>
    );
  }
  return (
    <>
      <div className={styles.nodeTop}>
        <span className={styles.nodeName} style={nameFit(data.name)} data-testid={`state-title-${data.name}`}>
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
          {data.caption && <span title={data.undoes && `undoes ${data.undoes}`}>{data.caption}</span>}
          {data.durationMs !== undefined && (
            <span className={styles.duration} data-testid={`duration-${data.name}`}>
              {formatDuration(data.durationMs)}
            </span>
          )}
        </span>
      </div>
    </>
  );
}

const nodeProps = (data: StateNodeData, className: string) => ({
  className,
  title: data.name,
  'data-testid': `state-${data.name}`,
  'data-failed-here': data.failedHere ? 'true' : undefined,
  'data-undo': data.caption.startsWith('undo') ? 'true' : undefined,
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
      <Handles />
      {data.failedHere && <FailedHere name={data.name} />}
      <StateSummary data={data} />
    </div>
  );
});

/** Where the saga broke, set apart from a plain caught error: the status word (CAUGHT) stays. */
function FailedHere({ name }: { name: string }) {
  return (
    <span className={styles.failedHere} data-testid={`failed-here-${name}`}>
      <StatusIcon status="FAILED" size={14} />
      failed here
    </span>
  );
}

export const GroupStateNode = memo(function GroupStateNode({ data, selected }: NodeProps<GroupFlowNode>) {
  return (
    <div {...nodeProps(data, `${styles.group}${selected ? ` ${styles.selected}` : ''}`)}>
      <Handle id="target-top" type="target" position={Position.Top} isConnectable={false} className={styles.handle} />
      <div className={styles.groupHeader}>
        <StateSummary data={data} />
      </div>
      <Handle id="source-bottom" type="source" position={Position.Bottom} isConnectable={false} className={styles.handle} />
    </div>
  );
});
