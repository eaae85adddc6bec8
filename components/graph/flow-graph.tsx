'use client';

import { Background, Controls, type NodeChange, ReactFlow } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import type { LaidOutGraph } from '@/lib/asl/types';
import type { ExecutionReading } from '@/lib/history/types';
import styles from './graph.module.css';
import { GroupStateNode, StateNode } from './state-node';
import { toFlowEdges, toFlowNodes } from './to-flow';
import type { SagaFlowNode } from './types';

// Module scope: a new object per render would make React Flow remount every node.
const nodeTypes = { state: StateNode, 'group-state': GroupStateNode };
const fitViewOptions = { padding: 0.12, maxZoom: 1.1 };

/**
 * The state machine as a graph, coloured by an execution reading when there is one.
 * Nodes and edges are derived from props on every change; React Flow never owns them,
 * so a live update is just a new `reading`.
 */
export function FlowGraph({
  layout,
  reading,
  selectedId,
  onSelect,
}: {
  layout: LaidOutGraph;
  reading?: ExecutionReading;
  selectedId?: string;
  onSelect?: (stateName: string | undefined) => void;
}) {
  const nodes = useMemo(() => toFlowNodes(layout, reading, selectedId), [layout, reading, selectedId]);
  const edges = useMemo(() => toFlowEdges(layout, reading), [layout, reading]);

  // Only selection is taken from React Flow's changes (click, Enter/Space, Escape).
  const onNodesChange = useCallback(
    (changes: NodeChange<SagaFlowNode>[]) => {
      for (const change of changes) {
        if (change.type !== 'select') continue;
        if (change.selected) onSelect?.(change.id);
        else if (change.id === selectedId) onSelect?.(undefined);
      }
    },
    [onSelect, selectedId],
  );

  return (
    <div className={styles.canvas} data-testid="graph">
      <ReactFlow<SagaFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={() => onSelect?.(undefined)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={Boolean(onSelect)}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.2}
        maxZoom={2}
      >
        <Background gap={24} size={1.5} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
