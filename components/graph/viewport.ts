/**
 * The fitted viewport of a laid-out graph, computed from the layout alone: React Flow's
 * `fitView` instead waits for its own measuring pass, draws a frame at zoom 1 and then
 * moves. The same fit, as CSS, places the server-rendered drawing before any script runs.
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { graphBounds } from '@/lib/asl/bounds';
import type { LaidOutGraph } from '@/lib/asl/types';

/** The zoom range of the canvas, and how a fitted view sits in it (React Flow's fitView options). */
export const ZOOM = { min: 0.2, max: 2 } as const;
export const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1.1 } as const;
/** Presenter mode: the graph fills the screen, edge to edge, and may grow on a large one. */
export const PRESENT_FIT_OPTIONS = { padding: 0.03, maxZoom: 1.6 } as const;

export type FitOptions = { padding: number; maxZoom: number };

export type PaneSize = { width: number; height: number };

/**
 * What React Flow's fitView would choose: the top-level nodes' bounding box (nested
 * nodes lie inside their groups) centred in the pane. Undefined when there is nothing to
 * fit or the pane has no size yet (a hidden tab), so the caller can leave it to fitView.
 */
export function fittedViewport(layout: LaidOutGraph, pane: PaneSize, fit: FitOptions = FIT_VIEW_OPTIONS): Viewport | undefined {
  if (pane.width <= 0 || pane.height <= 0) return undefined;
  const bounds = graphBounds(layout);
  if (!(bounds.width > 0 && bounds.height > 0)) return undefined;
  return getViewportForBounds(bounds, pane.width, pane.height, ZOOM.min, fit.maxZoom, fit.padding);
}

/**
 * The fit as CSS custom properties, for the graph's stylesheet to place the server-rendered
 * drawing before any script runs (graph.module.css, `[data-fit='css']`): the same sum as
 * getViewportForBounds, over the pane's size in container units. Each padding is the
 * fraction React Flow floors to whole pixels: (size - size / (1 + padding)) / 2.
 */
export function fitStyle(layout: LaidOutGraph, fit: FitOptions = FIT_VIEW_OPTIONS): CSSProperties | undefined {
  const bounds = graphBounds(layout);
  if (!(bounds.width > 0 && bounds.height > 0)) return undefined;
  return {
    '--fit-width': `${bounds.width}px`,
    '--fit-height': `${bounds.height}px`,
    '--fit-centre-x': String(bounds.x + bounds.width / 2),
    '--fit-centre-y': String(bounds.y + bounds.height / 2),
    '--fit-padding': String(fit.padding / (2 * (1 + fit.padding))),
    '--fit-min-zoom': String(ZOOM.min),
    '--fit-max-zoom': String(fit.maxZoom),
  } as CSSProperties;
}
