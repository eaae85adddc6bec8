import { describe, expect, it } from 'vitest';
import { graphBounds } from '@/lib/asl/bounds';
import { imageFrame } from './graph-image';

const node = (id: string, x: number, y: number, parentId?: string) => ({
  id,
  type: 'Task' as const,
  role: 'forward' as const,
  isStart: false,
  isEnd: false,
  hasRetry: false,
  hasCatch: false,
  x,
  y,
  width: 100,
  height: 50,
  isGroup: false,
  ...(parentId ? { parentId } : {}),
});

describe('graphBounds', () => {
  it('spans the top-level states; children lie inside their groups', () => {
    const layout = { nodes: [node('A', 10, 20), node('B', 300, 400), node('Child', 5000, 5000, 'A')], edges: [], width: 0, height: 0 };
    expect(graphBounds(layout)).toEqual({ x: 10, y: 20, width: 390, height: 430 });
  });
});

describe('imageFrame', () => {
  it('draws the graph at 100 % inside a margin', () => {
    const frame = imageFrame({ x: 10, y: 20, width: 390, height: 430 });
    expect(frame).toEqual({ width: 486, height: 526, viewport: { x: 38, y: 28, zoom: 1 } });
  });

  it('scales a huge graph down to a size a browser can paint', () => {
    const frame = imageFrame({ x: 0, y: 0, width: 20_000, height: 1_000 });
    expect(frame.width).toBeLessThanOrEqual(4096);
    expect(frame.viewport.zoom).toBeLessThan(1);
    // the whole width fits: left edge at the margin, right edge inside the image
    expect(frame.viewport.x + 20_000 * frame.viewport.zoom).toBeLessThanOrEqual(frame.width);
  });
});
