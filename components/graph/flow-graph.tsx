'use client';

import { Background, Controls, type NodeChange, ReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { LaidOutGraph } from '@/lib/asl/types';
import type { ExecutionReading } from '@/lib/history/types';
import type { StateCounts } from '@/lib/aggregate/summarize';
import styles from './graph.module.css';
import { GroupStateNode, StateNode } from './state-node';
import { keepUnchanged, toFlowEdges, toFlowNodes } from './to-flow';
import type { SagaFlowEdge, SagaFlowNode } from './types';
import { FIT_VIEW_OPTIONS, type FitOptions, fittedViewport, type PaneSize, ZOOM } from './viewport';

// Module scope: a new object per render would make React Flow remount every node.
const nodeTypes = { state: StateNode, 'group-state': GroupStateNode };

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
  fit = FIT_VIEW_OPTIONS,
  counts,
}: {
  layout: LaidOutGraph;
  reading?: ExecutionReading;
  /** the aggregate view: per state, how many executions left it in each status (badges and heat) */
  counts?: Readonly<Record<string, StateCounts>>;
  selectedId?: string;
  onSelect?: (stateName: string | undefined) => void;
  /** how the view is fitted (presenter mode fills the screen) */
  fit?: FitOptions;
}) {
  // What was last drawn, so a new reading or selection keeps every untouched node's object.
  const drawn = useRef<{ nodes?: SagaFlowNode[]; edges?: SagaFlowEdge[] }>({});
  const nodes = useMemo(() => keepUnchanged(drawn.current.nodes, toFlowNodes(layout, reading, selectedId, counts)), [layout, reading, selectedId, counts]);
  const edges = useMemo(() => keepUnchanged(drawn.current.edges, toFlowEdges(layout, reading)), [layout, reading]);
  useLayoutEffect(() => {
    drawn.current = { nodes, edges };
  }, [nodes, edges]);

  // The pane is measured before React Flow mounts (a layout effect runs before paint), so
  // its first frame is already fitted. React Flow reads the viewport only when it mounts.
  const paneRef = useRef<HTMLDivElement>(null);
  const [pane, setPane] = useState<PaneSize>();
  useLayoutEffect(() => {
    const el = paneRef.current;
    if (el) setPane({ width: el.offsetWidth, height: el.offsetHeight });
  }, []);
  // Only the first fit is React Flow's default viewport; later ones (a resize, a new
  // layout) move the mounted view below, so the first value is kept.
  const initialViewport = useMemo(() => (pane ? fittedViewport(layout, pane, fit) : undefined), [pane]); // eslint-disable-line react-hooks/exhaustive-deps

  // Refit on every change of the pane's size (a window resize, a panel opening, full
  // screen) and of the layout: a projector's room never sees half a graph.
  const flow = useRef<ReactFlowInstance<SagaFlowNode>>(undefined);
  const refit = useCallback(() => {
    const el = paneRef.current;
    const viewport = el && fittedViewport(layout, { width: el.offsetWidth, height: el.offsetHeight }, fit);
    if (viewport) void flow.current?.setViewport(viewport);
  }, [layout, fit]);
  useEffect(() => {
    const el = paneRef.current;
    if (!el) return;
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [refit]);
  const onInit = useCallback(
    (instance: ReactFlowInstance<SagaFlowNode>) => {
      flow.current = instance;
      refit();
    },
    [refit],
  );

  // Only selection is taken from React Flow's changes (click, Enter/Space, Escape). One
  // batch may select a node and deselect the previous one in either order: a selection wins.
  const onNodesChange = useCallback(
    (changes: NodeChange<SagaFlowNode>[]) => {
      const selects = changes.filter((c) => c.type === 'select');
      const chosen = selects.find((c) => c.selected);
      if (chosen) onSelect?.(chosen.id);
      else if (selects.some((c) => c.id === selectedId)) onSelect?.(undefined);
    },
    [onSelect, selectedId],
  );
  const onPaneClick = useCallback(() => onSelect?.(undefined), [onSelect]);

  return (
    <div className={styles.canvas} data-testid="graph" ref={paneRef}>
      {pane && (
        <ReactFlow<SagaFlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onPaneClick={onPaneClick}
          onInit={onInit}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={Boolean(onSelect)}
          // A pane without size (a hidden tab) cannot be fitted yet: React Flow fits it once measured.
          {...(initialViewport ? { defaultViewport: initialViewport } : { fitView: true, fitViewOptions: fit })}
          minZoom={ZOOM.min}
          maxZoom={Math.max(ZOOM.max, fit.maxZoom)}
        >
          <Background gap={24} size={1.5} />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
    </div>
  );
}
