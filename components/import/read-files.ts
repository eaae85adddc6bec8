/**
 * Turns the files a person dropped or picked into a history to view: one file in the
 * dashboard's export format ({definition, events}), or `get-execution-history` output
 * plus a second file holding the definition (ASL or describe-state-machine-for-execution
 * output). Pure apart from reading the files' text, so it is tested without a browser.
 */
import { buildGraph } from '@/lib/asl/graph';
import { isRecord } from '@/lib/core/values';
import type { AslDefinition, AslGraph, LaidOutGraph } from '@/lib/asl/types';
import { parseExport } from '@/lib/history/parse-export';
import type { HistoryEvent } from '@/lib/history/types';
import { layoutDefinition } from '@/components/graph/layout';

export type ImportedHistory = {
  fileName: string;
  definition: AslDefinition;
  events: HistoryEvent[];
  /** built once: the layout is drawn from it and the reader reads the events against it */
  graph: AslGraph;
  layout: LaidOutGraph;
  name: string;
};

export type ImportResult = { ok: true; history: ImportedHistory } | { ok: false; message: string };

export type NamedText = { name: string; text: string };

function parseJson(file: NamedText): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(file.text) };
  } catch {
    return { ok: false, message: `${file.name} is not JSON.` };
  }
}

const hasEvents = (value: unknown) => isRecord(value) && Array.isArray(value.events);

/** The history file is the one with `events`; any other file is taken as its definition. */
export function readImport(files: NamedText[]): ImportResult {
  if (files.length === 0 || files.length > 2) return { ok: false, message: 'Choose one exported file, or a history file and its definition.' };
  const parsed: Array<{ file: NamedText; value: unknown }> = [];
  for (const file of files) {
    const json = parseJson(file);
    if (!json.ok) return json;
    parsed.push({ file, value: json.value });
  }
  const history = parsed.find((p) => hasEvents(p.value));
  if (!history) return { ok: false, message: 'None of these files holds an execution history (an "events" list).' };
  const definitionFile = parsed.find((p) => p !== history);
  try {
    const result = parseExport(history.value, definitionFile?.value);
    const graph = buildGraph(result.definition);
    return {
      ok: true,
      history: {
        fileName: history.file.name,
        definition: result.definition,
        events: result.events,
        graph,
        layout: layoutDefinition(result.definition),
        name: result.name ?? history.file.name,
      },
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'This file could not be read.' };
  }
}
