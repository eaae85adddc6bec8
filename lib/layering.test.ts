/**
 * Imports go one way: app -> components -> lib. lib/ and components/ never reach into
 * backend/ (the engine and the saga's handlers), lib/ never reaches up into components/
 * or app/, and the feature folders directly under lib/ and components/ never import each
 * other in a circle, so each can be read, tested and moved without its neighbours.
 * Test files are exempt: they may start a real engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !isTest(entry.name) ? [path] : [];
  });
}

/** Project-relative path an import names (without extension), or undefined for a package. */
function target(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), specifier)).split('\\').join('/');
  return undefined;
}

interface Import {
  from: string;
  to: string;
}

function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    const to = target(file, fileName);
    return to === undefined ? [] : [{ from: file, to }];
  });
}

/** `lib/history/x.ts` -> `lib/history`; a file directly in lib/ (lib/env.ts) is its own unit. */
const unitOf = (path: string): string => {
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path.replace(/\.(tsx?|css)$/, '').replace(/\.module$/, '');
};

/** Every circle in a directed graph, each once, as the units in it (strongly connected components of 2+). */
function findCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

const imports = ['app', 'components', 'lib'].flatMap(sourceFiles).flatMap(importsOf);
const inside = (path: string, ...roots: string[]) => roots.some((root) => path.startsWith(`${root}/`));

describe('import layering', () => {
  it('reads the imports it is meant to police', () => {
    // Guards against a parser that silently finds nothing, which would pass every rule below.
    expect(imports.length).toBeGreaterThan(300);
    expect(imports).toContainEqual({ from: 'lib/history/read-execution.ts', to: 'lib/asl/graph' });
    expect(imports).toContainEqual({ from: 'app/(start)/page.tsx', to: 'components/start/start-view' });
  });

  it('keeps backend/ out of lib/ and components/', () => {
    const found = imports
      .filter((i) => inside(i.from, 'lib', 'components') && inside(i.to, 'backend'))
      .map((i) => `${i.from} -> ${i.to}`);
    expect(found).toEqual([]);
  });

  it('never imports upwards: lib/ not components/ or app/, components/ not app/', () => {
    const upwards = imports.filter(
      (i) => (inside(i.from, 'lib') && inside(i.to, 'components', 'app')) || (inside(i.from, 'components') && inside(i.to, 'app')),
    );
    expect(upwards.map((i) => `${i.from} -> ${i.to}`)).toEqual([]);
  });

  it('has no circle between the folders directly under lib/ and components/', () => {
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of imports) {
      if (!inside(from, 'lib', 'components') || !inside(to, 'lib', 'components')) continue;
      const [a, b] = [unitOf(from), unitOf(to)];
      if (a === b) continue;
      edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
    const explain = (cycle: string[]) =>
      imports
        .filter((i) => cycle.includes(unitOf(i.from)) && cycle.includes(unitOf(i.to)) && unitOf(i.from) !== unitOf(i.to))
        .map((i) => `${i.from} -> ${i.to}`);
    expect(findCycles(edges).map(explain)).toEqual([]);
  });
});

describe('findCycles', () => {
  const graph = (pairs: [string, string][]) => {
    const edges = new Map<string, Set<string>>();
    for (const [a, b] of pairs) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    return edges;
  };

  it('finds a circle of two and one of three, and nothing in a chain', () => {
    expect(findCycles(graph([['a', 'b'], ['b', 'a']]))).toEqual([['a', 'b']]);
    expect(findCycles(graph([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']]))).toEqual([['a', 'b', 'c']]);
    expect(findCycles(graph([['a', 'b'], ['b', 'c'], ['a', 'c']]))).toEqual([]);
  });
});
