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
import { FIT_VIEW_OPTIONS, type FitOptions, fitStyle, fittedViewport, ZOOM } from './viewport';

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

  // React Flow is rendered on the server too (its nodes carry their sizes and handles), so
  // the drawing is in the page's HTML. Until React Flow holds the fitted viewport, the
  // stylesheet fits it to the pane ('css', see graph.module.css): the first frame, before
  // any script, is already the final view, and nothing moves when React Flow takes over.
  const paneRef = useRef<HTMLDivElement>(null);
  const fitVars = useMemo(() => fitStyle(layout, fit), [layout, fit]);
  const [cssFit, setCssFit] = useState(true);

  // Refit on every change of the pane's size (a window resize, a panel opening, full
  // screen) and of the layout: a projector's room never sees half a graph. A pane without
  // size (a hidden tab) cannot be fitted yet; its observer refits it once shown.
  const flow = useRef<ReactFlowInstance<SagaFlowNode>>(undefined);
  const refit = useCallback(() => {
    const el = paneRef.current;
    const instance = flow.current;
    const viewport = el && fittedViewport(layout, { width: el.offsetWidth, height: el.offsetHeight }, fit);
    if (!viewport || !instance) return;
    void instance.setViewport(viewport).then(() => {
      setCssFit(false);
    });
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
    <div className={styles.canvas} data-testid="graph" ref={paneRef} data-fit={cssFit && fitVars ? 'css' : undefined} style={fitVars}>
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
        minZoom={ZOOM.min}
        maxZoom={Math.max(ZOOM.max, fit.maxZoom)}
      >
        <Background gap={24} size={1.5} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
