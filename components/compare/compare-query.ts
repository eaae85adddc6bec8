/**
 * `/compare?a=<name>&b=<name>&sm=<machine>` read into what the page can do with it: show
 * two executions, ask for what is missing, or say which name is not a name. Pure.
 */
import { isValidExecutionName } from '@/lib/sfn/arn';

type Raw = Record<string, string | string[] | undefined>;

export type CompareQuery = { a: string; b: string; sm?: string };

export type CompareRequest =
  | { kind: 'ready'; query: CompareQuery }
  /** one or both names missing: the page asks for them */
  | { kind: 'incomplete'; given: Partial<CompareQuery> }
  | { kind: 'invalid'; given: Partial<CompareQuery>; message: string };

/** A repeated parameter (`?a=x&a=y`) is ambiguous; only a single non-empty value counts. */
const single = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export function readCompareQuery(raw: Raw): CompareRequest {
  const a = single(raw.a);
  const b = single(raw.b);
  const sm = single(raw.sm);
  const given = { ...(a ? { a } : {}), ...(b ? { b } : {}), ...(sm ? { sm } : {}) };
  for (const [side, name] of [['a', a], ['b', b]] as const) {
    if (name !== undefined && !isValidExecutionName(name)) {
      return {
        kind: 'invalid',
        given,
        message: `“${name}” (${side}) is not an execution name: names are 1 to 80 characters, without spaces, brackets, wildcards or any of " # % \\ ^ | ~ $ & , ; : /.`,
      };
    }
  }
  if (a === undefined || b === undefined) return { kind: 'incomplete', given };
  return { kind: 'ready', query: { a, b, ...(sm ? { sm } : {}) } };
}
