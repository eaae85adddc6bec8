/**
 * Export of the drawn graph as PNG, the way React Flow's "download image" example
 * does it: html-to-image renders the `.react-flow__viewport` element with a transform from
 * getViewportForBounds, so the whole graph is in the picture whatever the user has panned
 * or zoomed to. html-to-image is pinned to 1.11.11, the last version that example found
 * to export correctly.
 */
import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { toPng } from 'html-to-image';
import type { GraphBounds } from '@/lib/asl/bounds';

/** Edges that loop back bulge past the node boxes; the margin keeps them in the picture. */
const PADDING_PX = 48;
/** Browsers refuse canvases much past this; a huge machine is scaled down to fit. */
const MAX_SIDE_PX = 4096;

export type ImageFrame = { width: number; height: number; viewport: Viewport };

/** Image size (the graph at 100 %, plus a margin) and the viewport that fits the graph in it. Pure. */
export function imageFrame(bounds: GraphBounds): ImageFrame {
  const fullWidth = bounds.width + 2 * PADDING_PX;
  const fullHeight = bounds.height + 2 * PADDING_PX;
  const scale = Math.min(1, MAX_SIDE_PX / fullWidth, MAX_SIDE_PX / fullHeight);
  const width = Math.round(fullWidth * scale);
  const height = Math.round(fullHeight * scale);
  const viewport = getViewportForBounds(bounds, width, height, 0.01, 1, `${Math.round(PADDING_PX * scale)}px`);
  return { width, height, viewport };
}

/**
 * Renders the viewport element to a PNG data URL; `background` fills what the page's canvas
 * showed. (The SVG export is drawn from the graph model instead: see graph-svg.ts.)
 */
export function renderGraphPng(viewportElement: HTMLElement, frame: ImageFrame, background: string): Promise<string> {
  const { width, height, viewport } = frame;
  // At twice the size, it stays sharp on a projector.
  return toPng(viewportElement, {
    backgroundColor: background,
    width,
    height,
    pixelRatio: 2,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
  });
}
