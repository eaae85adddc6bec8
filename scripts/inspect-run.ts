/**
 * The inspect CLI's logic, apart from the process: argv and file reading in, one exit
 * code and the text for stdout/stderr out, so tests can drive it without spawning.
 */
import { readFile } from 'node:fs/promises';
import { InvalidDefinitionError } from '../lib/asl/errors';
import { buildGraph } from '../lib/asl/graph';
import type { AslGraph } from '../lib/asl/types';
import { ExportFormatError, parseExport } from '../lib/history/parse-export';
import { readExecution } from '../lib/history/read-execution';
import type { ExecutionReading } from '../lib/history/types';
import { formatJson, formatTable } from './inspect-format';

export const USAGE = 'usage: npm run -s inspect -- FILE [--definition FILE] [--format json|table] [--at N]';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface InspectArgs {
  file: string;
  definitionFile?: string;
  format: 'json' | 'table';
  /** read only the first N events: the execution as it stood then (before a redrive, say) */
  at?: number;
}

export function parseArgs(argv: readonly string[]): InspectArgs {
  const rest = [...argv];
  let file: string | undefined;
  let definitionFile: string | undefined;
  let format: InspectArgs['format'] = 'json';
  let at: number | undefined;
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? rest.shift();
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value; ${USAGE}`);
      return v;
    };
    if (flag === '--definition') definitionFile = value();
    else if (flag === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'table') throw new UsageError(`--format must be json or table, not "${v}"`);
      format = v;
    } else if (flag === '--at') {
      const v = value();
      if (!/^[1-9]\d*$/.test(v)) throw new UsageError(`--at must be a whole number of events from 1, not "${v}"`);
      at = Number(v);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}; ${USAGE}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`one FILE only (got "${file}" and "${arg}"); ${USAGE}`);
  }
  if (file === undefined) throw new UsageError(`missing FILE; ${USAGE}`);
  return { file, definitionFile, format, at };
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${what} ${path} (${code})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ExportFormatError(`${what} ${path} is not valid JSON`);
  }
}

export interface InspectResult {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

export async function runInspect(argv: readonly string[]): Promise<InspectResult> {
  try {
    const args = parseArgs(argv);
    const json = await readJson(args.file, 'file');
    const definition = args.definitionFile === undefined ? undefined : await readJson(args.definitionFile, 'definition file');
    const parsed = parseExport(json, definition);
    const graph: AslGraph = buildGraph(parsed.definition);
    const events = args.at === undefined ? parsed.events : parsed.events.slice(0, args.at);
    const reading: ExecutionReading = readExecution(parsed.definition, events, graph);
    const out = args.format === 'json' ? formatJson(reading, graph) : formatTable(reading, graph);
    return { code: 0, stdout: `${out}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExportFormatError || error instanceof InvalidDefinitionError) {
      // One line, whatever the message carried.
      return { code: 2, stdout: '', stderr: `inspect: ${error.message.replace(/\s+/g, ' ')}\n` };
    }
    throw error;
  }
}
