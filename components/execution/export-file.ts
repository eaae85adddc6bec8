/**
 * The file "Export JSON" downloads: `{definition, events}` plus the execution's name and
 * ARN, the format the import page and `npm run inspect` read (lib/history/parse-export).
 * Timestamps are written as ISO text, as `aws stepfunctions get-execution-history` does,
 * so the file reads the same to a person and to the AWS tooling. Pure.
 */
import type { AslDefinition } from '@/lib/asl/types';
import type { HistoryEvent } from '@/lib/history/types';
import type { ExecutionEvent } from '@/lib/sfn/types';

export interface ExportFile {
  name: string;
  executionArn: string;
  definition: AslDefinition;
  events: HistoryEvent[];
}

export function toExportFile(execution: {
  name: string;
  executionArn: string;
  definition: AslDefinition;
  events: readonly ExecutionEvent[];
}): ExportFile {
  return {
    name: execution.name,
    executionArn: execution.executionArn,
    definition: execution.definition,
    events: execution.events.map((event) => ({ ...event, timestamp: new Date(event.timestamp).toISOString() })),
  };
}

/** `<execution>.json`: Step Functions' names carry no `/`, `\\`, `:` or control character, so this is a safe file name. */
export const exportFileName = (name: string): string => `${name}.json`;
