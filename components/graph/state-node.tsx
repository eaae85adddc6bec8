'use client';

import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import styles from './graph.module.css';
import { STATUS_LABEL, STATUS_VAR, StatusIcon } from './status';
import type { GroupFlowNode, StateFlowNode, StateNodeData } from './types';

/** Task is the norm, so only other types are named; compensation steps say what they are for. */
const typeCaption = (data: StateNodeData) =>
  [data.role === 'compensation' ? 'undo' : '', data.stateType === 'Task' ? '' : data.stateType].filter(Boolean).join(' · ');

/** Status, icon, word and attempts: shared by plain states and group headers. */
function StateSummary({ data }: { data: StateNodeData }) {
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
