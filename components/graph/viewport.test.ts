import { getViewportForBounds } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { LaidOutGraph, LaidOutNode } from '@/lib/asl/types';
import { FIT_VIEW_OPTIONS, fitStyle, fittedViewport, ZOOM } from './viewport';

const node = (id: string, x: number, y: number, extra: Partial<LaidOutNode> = {}): LaidOutNode => ({
  id,
  type: 'Task',
  role: 'forward',
  hasRetry: false,
  hasCatch: false,
  isStart: false,
  isEnd: false,
  x,
  y,
  width: 200,
  height: 60,
  isGroup: false,
  ...extra,
});

const graph = (nodes: LaidOutNode[]): LaidOutGraph => ({ nodes, edges: [], width: 0, height: 0 });

describe('fittedViewport', () => {
  it("fits the top-level nodes' box as React Flow's fitView does", () => {
    const layout = graph([node('A', 0, 0), node('Group', 300, 0, { width: 400, height: 900, isGroup: true }), node('Inner', 20, 800, { parentId: 'Group' })]);
    const bounds = { x: 0, y: 0, width: 700, height: 900 };
    expect(fittedViewport(layout, { width: 1200, height: 800 })).toEqual(
      getViewportForBounds(bounds, 1200, 800, ZOOM.min, FIT_VIEW_OPTIONS.maxZoom, FIT_VIEW_OPTIONS.padding),
    );
  });

  it('centres a graph too tall for the pane at the minimum zoom', () => {
    const tall = graph([node('A', 0, 0), node('B', 0, 20_000)]);
    const view = fittedViewport(tall, { width: 1000, height: 500 });
    expect(view?.zoom).toBe(ZOOM.min);
    expect((view?.y ?? 0) + (20_060 / 2) * ZOOM.min).toBeCloseTo(250);
  });

  it('leaves an empty graph or a pane without size to fitView', () => {
    expect(fittedViewport(graph([]), { width: 800, height: 600 })).toBeUndefined();
    expect(fittedViewport(graph([node('A', 0, 0)]), { width: 0, height: 0 })).toBeUndefined();
  });
});

describe('fitStyle', () => {
  it("hands the stylesheet the graph's box, its centre, the padding React Flow floors per side and the zoom range", () => {
    const layout = graph([node('A', 10, 20), node('B', 310, 420)]);
    expect(fitStyle(layout, { padding: 0.1, maxZoom: 1.5 })).toEqual({
      '--fit-width': '500px',
      '--fit-height': '460px',
      '--fit-centre-x': '260',
      '--fit-centre-y': '250',
      // (size - size / 1.1) / 2 per side: size × 0.1 / 2.2
      '--fit-padding': String(0.1 / 2.2),
      '--fit-min-zoom': String(ZOOM.min),
      '--fit-max-zoom': '1.5',
    });
    expect(fitStyle(graph([]))).toBeUndefined();
  });
});
