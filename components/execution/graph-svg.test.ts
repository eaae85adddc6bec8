import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/asl/graph';
import { readExecution } from '@/lib/history/read-execution';
import { loadEngineFixtures, loadFixtures } from '@/lib/history/testing/fixtures';
import { layoutDefinition } from '@/components/graph/layout';
import { graphSvg } from './graph-svg';

type Element = { name: string; attrs: Record<string, string>; text: string; children: Element[] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** Entities back to characters; a bare `&` or an unknown entity is malformed XML. */
const unescape = (text: string) =>
  text.replace(/&([^;]*);?/g, (whole, name: string) => {
    const char = whole.endsWith(';') ? ENTITIES[name] : undefined;
    if (char === undefined) throw new Error(`bad entity ${whole}`);
    return char;
  });

/** A small, strict XML reader: throws on a tag closed out of order, so a malformed file fails the test. */
function parseXml(xml: string): Element {
  const root: Element = { name: '#root', attrs: {}, text: '', children: [] };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, name, attrText, selfClosing, text] = m;
    const top = stack.at(-1) as Element;
    if (text !== undefined) {
      top.text += unescape(text);
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${String(name)}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs = Object.fromEntries([...(attrText ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1], unescape(a[2] ?? '')]));
    const element: Element = { name: name ?? '', attrs, text: '', children: [] };
    top.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (tag.lastIndex !== 0 && tag.lastIndex !== xml.length) throw new Error(`unreadable at ${String(tag.lastIndex)}`);
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)?.name ?? ''}> left open`);
  return root;
}

const all = (e: Element): Element[] => [e, ...e.children.flatMap(all)];
const texts = (e: Element): string[] => all(e).map((x) => x.text.trim()).filter(Boolean);

function sagaFixture(file: string) {
  const fixture = loadEngineFixtures().find((f) => f.file === file);
  if (!fixture) throw new Error(file);
  return fixture;
}

describe('graphSvg', () => {
  const fixture = sagaFixture('compensated_payment_fails.json');
  const layout = layoutDefinition(fixture.definition);
  const reading = readExecution(fixture.definition, fixture.events);
  const svg = graphSvg(layout, reading);
  const doc = parseXml(svg);
  const elements = all(doc);

  it('is a plain SVG 1.1 drawing, well under 200 KB, with no HTML inside', () => {
    const [root] = doc.children;
    expect(root?.name).toBe('svg');
    expect(root?.attrs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', version: '1.1' });
    expect(new TextEncoder().encode(svg).length).toBeLessThan(200 * 1024);
    const names = new Set(elements.map((e) => e.name));
    expect([...names].filter((name) => !['#root', 'svg', 'g', 'rect', 'path', 'polygon', 'text'].includes(name))).toEqual([]);
    expect(svg).not.toMatch(/foreignObject|var\(--|<marker|data:image/);
  });

  it('has one group per state, with its status, its name as text and a box', () => {
    const states = elements.filter((e) => e.attrs['data-state'] !== undefined);
    expect(states.map((e) => e.attrs['data-state']).sort()).toEqual(layout.nodes.map((node) => node.id).sort());
    for (const state of states) {
      const name = state.attrs['data-state'] ?? '';
      expect(state.attrs['data-status'], name).toBe(reading.states[name]?.status);
      expect(texts(state), name).toContain(name);
      expect(state.children.some((c) => c.name === 'rect'), name).toBe(true);
    }
    expect(elements.find((e) => e.attrs['data-state'] === 'ProcessPayment')?.attrs['data-status']).toBe('CAUGHT');
  });

  it('has one group per edge, a line with an arrowhead, and marks the edges that ran', () => {
    const edges = elements.filter((e) => e.attrs['data-edge'] !== undefined);
    expect(edges.map((e) => e.attrs['data-edge']).sort()).toEqual(layout.edges.map((edge) => edge.id).sort());
    for (const edge of edges) {
      expect(edge.children.map((c) => c.name).slice(0, 2)).toEqual(['path', 'polygon']);
    }
    const ran = edges.filter((e) => e.attrs['data-ran'] === 'true').map((e) => e.attrs['data-edge']);
    expect(ran.sort()).toEqual([...reading.edgesRun].sort());
  });

  it('frames every state inside its viewBox', () => {
    const [x, y, w, h] = (doc.children[0]?.attrs.viewBox ?? '').split(' ').map(Number) as [number, number, number, number];
    for (const rect of elements.filter((e) => e.name === 'rect' && e.attrs.rx !== undefined)) {
      expect(Number(rect.attrs.x)).toBeGreaterThanOrEqual(x);
      expect(Number(rect.attrs.y)).toBeGreaterThanOrEqual(y);
      expect(Number(rect.attrs.x) + Number(rect.attrs.width)).toBeLessThanOrEqual(x + w);
      expect(Number(rect.attrs.y) + Number(rect.attrs.height)).toBeLessThanOrEqual(y + h);
    }
  });

  it('draws the definition alone (every state NOT_RUN) and any ASL, nested groups included', () => {
    const empty = parseXml(graphSvg(layout, undefined));
    expect(all(empty).filter((e) => e.attrs['data-status'] === 'NOT_RUN')).toHaveLength(layout.nodes.length);
    for (const aws of loadFixtures()) {
      const other = layoutDefinition(aws.definition);
      const drawn = all(parseXml(graphSvg(other, readExecution(aws.definition, aws.events))));
      expect(drawn.filter((e) => e.attrs['data-state'] !== undefined), aws.file).toHaveLength(other.nodes.length);
      expect(drawn.filter((e) => e.attrs['data-edge'] !== undefined), aws.file).toHaveLength(buildGraph(aws.definition).edges.length);
    }
  });

  it('escapes names and labels', () => {
    const odd = { StartAt: 'A<&>"', States: { 'A<&>"': { Type: 'Pass', End: true } } };
    const drawn = graphSvg(layoutDefinition(odd), undefined);
    expect(texts(parseXml(drawn))).toContain('A<&>"');
    expect(all(parseXml(drawn)).find((e) => e.attrs['data-state'] !== undefined)?.attrs['data-state']).toBe('A<&>"');
  });
});
