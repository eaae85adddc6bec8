import { describe, expect, it } from 'vitest';
import { readImport } from '@/components/import/read-files';
import { loadFixtures } from '@/lib/history/testing/fixtures';
import { readExecution } from '@/lib/history/read-execution';
import { toExecutionEvent } from '@/lib/sfn/reshape';
import { toExportFile } from './export-file';

const statuses = (reading: ReturnType<typeof readExecution>) => ({
  execution: reading.executionStatus,
  outcome: reading.sagaOutcome,
  states: Object.fromEntries(Object.entries(reading.states).map(([name, s]) => [name, [s.status, s.attempts]])),
  times: [reading.startedAt, reading.stoppedAt],
});

describe('toExportFile', () => {
  // Every recorded AWS history, as the adapter hands it over, through the import page's reader.
  for (const fixture of loadFixtures()) {
    it(`round-trips ${fixture.file} through the import with the same reading`, () => {
      const events = fixture.events.map(toExecutionEvent);
      const file = toExportFile({ name: 'exported', executionArn: 'arn:x', definition: fixture.definition, events });
      const imported = readImport([{ name: 'exported.json', text: JSON.stringify(file) }]);
      if (!imported.ok) throw new Error(imported.message);
      expect(imported.history.name).toBe('exported');
      expect(statuses(readExecution(imported.history.definition, imported.history.events))).toEqual(
        statuses(readExecution(fixture.definition, events)),
      );
    });
  }

  it('writes timestamps as ISO text, the way the AWS CLI prints them', () => {
    const file = toExportFile({
      name: 'n',
      executionArn: 'arn:x',
      definition: { StartAt: 'A', States: { A: { Type: 'Succeed' } } },
      events: [{ id: 1, type: 'ExecutionStarted', timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 678) }],
    });
    expect(file.events[0]?.timestamp).toBe('2026-01-02T03:04:05.678Z');
  });
});
