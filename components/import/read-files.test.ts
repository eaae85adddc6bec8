import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExecution } from '@/lib/history/read-execution';
import { loadFixtures } from '@/lib/history/testing/fixtures';
import { readImport } from './read-files';

const fixture = loadFixtures().find((f) => f.file.startsWith('08_'))!;
const text = readFileSync(fixture.path, 'utf8');

describe('readImport', () => {
  it('reads an exported file into the statuses AWS means', () => {
    const result = readImport([{ name: fixture.file, text }]);
    if (!result.ok) throw new Error(result.message);
    const reading = readExecution(result.history.definition, result.history.events);
    for (const [name, want] of Object.entries(fixture.expected.states)) expect(reading.states[name]?.status).toBe(want.status);
    expect(result.history.layout.nodes.map((n) => n.id).sort()).toEqual(Object.keys(fixture.definition.States).sort());
  });

  it('takes get-execution-history output with the definition as a second file, in either order', () => {
    const history = JSON.stringify({ events: fixture.events });
    const definition = JSON.stringify(fixture.definition);
    const result = readImport([
      { name: 'definition.json', text: definition },
      { name: 'history.json', text: history },
    ]);
    expect(result.ok && result.history.fileName).toBe('history.json');
  });

  it('says what is wrong with a bad file', () => {
    expect(readImport([{ name: 'x.json', text: '{not json' }])).toEqual({ ok: false, message: 'x.json is not JSON.' });
    const noEvents = readImport([{ name: 'asl.json', text: JSON.stringify(fixture.definition) }]);
    expect(noEvents.ok).toBe(false);
    const noDefinition = readImport([{ name: 'h.json', text: JSON.stringify({ events: fixture.events }) }]);
    expect(noDefinition).toMatchObject({ ok: false });
    expect(readImport([])).toMatchObject({ ok: false });
  });
});
