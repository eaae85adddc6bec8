import 'server-only';
import { loadExecution } from '@/components/execution/load';
import type { LaidOutGraph } from '@/lib/asl/types';
import { readExecution } from '@/lib/history/read-execution';
import type { ExecutionReading } from '@/lib/history/types';
import { attempt } from '@/lib/sfn';
import type { CompareQuery } from './compare-query';

/** One execution as the compare page draws it: read on the server, so no history is shipped. */
export type CompareSide = { name: string; layout: LaidOutGraph; reading: ExecutionReading };

export type SideLoad =
  | { ok: true; side: CompareSide }
  /** `notFound`: retrying cannot help, another name can */
  | { ok: false; name: string; message: string; notFound: boolean };

export type Comparison = {
  a: SideLoad;
  b: SideLoad;
  /** both ran the same definition, so one drawing serves both and states line up one to one */
  sameDefinition: boolean;
};

type Loaded = { load: SideLoad; definitionText?: string };

async function loadSide(name: string, sm: string | undefined): Promise<Loaded> {
  // Through the execution page's loader: the drawing is cached per revision, shared with it.
  const loaded = await attempt(() => loadExecution(name, sm));
  if (!loaded.ok) {
    const notFound = loaded.error.kind === 'ExecutionNotFoundError';
    const message = notFound
      ? `No execution named “${name}” ${sm ? 'for this state machine' : 'for the saga'}. Check the name, or the machine (sm=).`
      : loaded.error.message;
    return { load: { ok: false, name, message, notFound } };
  }
  const { definition, layout, initialEvents } = loaded.value;
  return {
    load: { ok: true, side: { name, layout, reading: readExecution(definition, initialEvents) } },
    definitionText: JSON.stringify(definition),
  };
}

/** Both sides at once; each fails on its own, so the page can say which name is wrong. */
export async function loadComparison(query: CompareQuery): Promise<Comparison> {
  const [a, b] = await Promise.all([loadSide(query.a, query.sm), loadSide(query.b, query.sm)]);
  return { a: a.load, b: b.load, sameDefinition: a.definitionText !== undefined && a.definitionText === b.definitionText };
}
