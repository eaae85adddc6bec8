/**
 * The graph as a real vector drawing, for slides: boxes, lines, arrowheads and text as
 * plain SVG 1.1 elements (no foreignObject, no CSS variables, no markers, no embedded
 * fonts), so PowerPoint, Keynote or Inkscape open it and can recolour or ungroup it.
 * Built from the same model the page draws: the layout's boxes and the statuses and edge
 * styles toFlowNodes/toFlowEdges give, so a new layout is exported as it is drawn.
 * Pure: layout + reading in, SVG text out. Colours are the light theme's (slides are light).
 */
import { graphBounds } from '@/lib/asl/bounds';
import type { LaidOutGraph, LaidOutNode } from '@/lib/asl/types';
import type { ExecutionReading, StateStatus } from '@/lib/history/types';
import { STATUS_ICON_PATH, STATUS_LABEL } from '@/components/graph/status';
import { toFlowEdges, toFlowNodes } from '@/components/graph/to-flow';

const PADDING = 48;
const FONT = "Inter, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const TEXT = '#111827';
const MUTED = '#566074';

/** globals.css, light side: what `var(--x)` in the flow styles means on paper. */
const PALETTE: Record<string, string> = {
  edge: '#a3acbd',
  'edge-ran': '#334155',
  compensation: '#9333ea',
};

const TONE: Record<StateStatus, { line: string; fill: string }> = {
  NOT_RUN: { line: '#8b95a7', fill: '#ffffff' },
  RUNNING: { line: '#2563eb', fill: '#e8f0ff' },
  SUCCEEDED: { line: '#15803d', fill: '#e7f7ec' },
  CAUGHT: { line: '#c2410c', fill: '#fff1e6' },
  FAILED: { line: '#c81e1e', fill: '#fdecec' },
  ABORTED: { line: '#5b6475', fill: '#eceff4' },
};

const colour = (value: unknown): string => {
  const name = typeof value === 'string' ? /^var\(--([\w-]+)\)$/.exec(value)?.[1] : undefined;
  return (name && PALETTE[name]) ?? (typeof value === 'string' && value.startsWith('#') ? value : PALETTE.edge ?? '#a3acbd');
};

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const n = (v: number) => String(Math.round(v * 10) / 10);

type Box = { x: number; y: number; width: number; height: number };

/** Layout positions are relative to the parent group; the drawing needs them absolute. */
function absoluteBoxes(nodes: readonly LaidOutNode[]): Map<string, Box> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const boxes = new Map<string, Box>();
  const place = (node: LaidOutNode): Box => {
    const known = boxes.get(node.id);
    if (known) return known;
    const parent = node.parentId === undefined ? undefined : byId.get(node.parentId);
    const origin = parent ? place(parent) : { x: 0, y: 0 };
    const box = { x: origin.x + node.x, y: origin.y + node.y, width: node.width, height: node.height };
    boxes.set(node.id, box);
    return box;
  };
  nodes.forEach(place);
  return boxes;
}

type Side = 'top' | 'bottom' | 'left' | 'right';
const DIRECTION: Record<Side, [number, number]> = { top: [0, -1], bottom: [0, 1], left: [-1, 0], right: [1, 0] };

const anchor = (b: Box, side: Side): [number, number] => {
  switch (side) {
    case 'top':
      return [b.x + b.width / 2, b.y];
    case 'bottom':
      return [b.x + b.width / 2, b.y + b.height];
    case 'left':
      return [b.x, b.y + b.height / 2];
    case 'right':
      return [b.x + b.width, b.y + b.height / 2];
  }
};

/**
 * Leaves and enters by the facing sides: within a column top and bottom, between columns
 * side to side (so a step and the compensation beside it are joined by a short line).
 */
function sides(from: Box, to: Box): [Side, Side] {
  const sameColumn = Math.min(from.x + from.width, to.x + to.width) > Math.max(from.x, to.x);
  if (sameColumn) return to.y >= from.y ? ['bottom', 'top'] : ['top', 'bottom'];
  return to.x >= from.x ? ['right', 'left'] : ['left', 'right'];
}

/** A cubic curve between the facing sides, its arrowhead, and its midpoint (for the label). */
function route(from: Box, to: Box): { d: string; arrow: string; mid: [number, number] } {
  const [out, into] = sides(from, to);
  const [x1, y1] = anchor(from, out);
  const [x2, y2] = anchor(to, into);
  const pull = Math.max(24, Math.hypot(x2 - x1, y2 - y1) / 3);
  const [ox, oy] = DIRECTION[out];
  const [ix, iy] = DIRECTION[into];
  const [c1x, c1y, c2x, c2y] = [x1 + ox * pull, y1 + oy * pull, x2 + ix * pull, y2 + iy * pull];
  const d = `M${n(x1)} ${n(y1)} C${n(c1x)} ${n(c1y)} ${n(c2x)} ${n(c2y)} ${n(x2)} ${n(y2)}`;
  // The head points into the target, against its side's outward direction.
  const size = 10;
  const [bx, by] = [x2 + ix * size, y2 + iy * size];
  const [px, py] = [-iy * (size / 2), ix * (size / 2)];
  const arrow = `${n(x2)},${n(y2)} ${n(bx + px)},${n(by + py)} ${n(bx - px)},${n(by - py)}`;
  // The curve's point at t = 0.5.
  const mid: [number, number] = [(x1 + 3 * c1x + 3 * c2x + x2) / 8, (y1 + 3 * c1y + 3 * c2y + y2) / 8];
  return { d, arrow, mid };
}

/** Text shrinks to fit its box: state names are never cut. */
const fitFont = (text: string, width: number, max: number) => Math.min(max, Math.floor(width / Math.max(1, text.length * 0.6)));

/** The SVG text of the graph, with every state as `<g data-state>` and every edge as `<g data-edge>`. */
export function graphSvg(layout: LaidOutGraph, reading: ExecutionReading | undefined): string {
  const bounds = graphBounds(layout);
  const width = bounds.width + 2 * PADDING;
  const height = bounds.height + 2 * PADDING;
  const boxes = absoluteBoxes(layout.nodes);
  const flowNodes = toFlowNodes(layout, reading, undefined);
  const parts: string[] = [];

  for (const edge of toFlowEdges(layout, reading)) {
    const from = boxes.get(edge.source);
    const to = boxes.get(edge.target);
    if (!from || !to) continue;
    const { d, arrow, mid } = route(from, to);
    const style = edge.style ?? {};
    const stroke = colour(style.stroke);
    const dash = style.strokeDasharray === undefined ? '' : ` stroke-dasharray="${String(style.strokeDasharray)}"`;
    const label =
      typeof edge.label === 'string'
        ? `<text x="${n(mid[0])}" y="${n(mid[1])}" font-size="12" fill="${MUTED}" text-anchor="middle">${escape(edge.label)}</text>`
        : '';
    parts.push(
      `<g data-edge="${escape(edge.id)}" data-ran="${String(edge.data?.ran ?? false)}" opacity="${String(style.opacity ?? 1)}">` +
        `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${String(style.strokeWidth ?? 1.75)}"${dash}/>` +
        `<polygon points="${arrow}" fill="${stroke}"/>${label}</g>`,
    );
  }

  // Groups first, so the states inside them are drawn on top.
  const ordered = [...flowNodes].sort((a, b) => Number(b.type === 'group-state') - Number(a.type === 'group-state'));
  for (const node of ordered) {
    const box = boxes.get(node.id);
    if (!box) continue;
    const { status, name, attempts, role, stateType } = node.data;
    const tone = TONE[status];
    const group = node.type === 'group-state';
    const dash = status === 'NOT_RUN' ? ' stroke-dasharray="6 4"' : '';
    const nameSize = fitFont(name, box.width - 56, 16);
    const caption = [role === 'compensation' ? 'undo' : '', stateType === 'Task' ? '' : stateType].filter(Boolean).join(' · ');
    const word = `${STATUS_LABEL[status]}${attempts > 1 ? ` · ×${String(attempts)}` : ''}`;
    const top = box.y + (group ? 26 : box.height / 2 - 4);
    parts.push(
      `<g data-state="${escape(name)}" data-status="${status}">` +
        `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="10" fill="${group ? '#ffffff' : tone.fill}" fill-opacity="${group ? '0.6' : '1'}" stroke="${tone.line}" stroke-width="2"${dash}/>` +
        (group ? '' : `<rect x="${n(box.x + 1)}" y="${n(box.y + 1)}" width="6" height="${n(box.height - 2)}" fill="${status === 'NOT_RUN' ? 'none' : tone.line}"/>`) +
        `<text x="${n(box.x + 18)}" y="${n(top)}" font-size="${String(nameSize)}" font-weight="700" fill="${TEXT}">${escape(name)}</text>` +
        `<path d="${STATUS_ICON_PATH[status]}" fill="${tone.line}" transform="translate(${n(box.x + 16)} ${n(top + 7)}) scale(0.7)"/>` +
        `<text x="${n(box.x + 36)}" y="${n(top + 20)}" font-size="13" font-weight="600" fill="${tone.line}">${escape(word)}</text>` +
        (caption ? `<text x="${n(box.x + box.width - 12)}" y="${n(top + 20)}" font-size="12" fill="${MUTED}" text-anchor="end">${escape(caption)}</text>` : '') +
        `</g>`,
    );
  }

  const [vx, vy] = [bounds.x - PADDING, bounds.y - PADDING];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${n(width)}" height="${n(height)}" viewBox="${n(vx)} ${n(vy)} ${n(width)} ${n(height)}" font-family="${FONT}">` +
    `<rect x="${n(vx)}" y="${n(vy)}" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>` +
    parts.join('') +
    `</svg>\n`
  );
}
