/**
 * A short human summary of a Choice rule, used as the edge label: `$.x == 3`,
 * `$.a is present && $.b > 2`, or a JSONata Condition without its `{% %}` wrapper.
 */
import { isRecord } from '../core/values';

const MAX_LABEL = 80;

const OPERATORS: ReadonlyArray<readonly [suffix: string, symbol: string]> = [
  ['LessThanEquals', '<='],
  ['GreaterThanEquals', '>='],
  ['LessThan', '<'],
  ['GreaterThan', '>'],
  ['Equals', '=='],
  ['Matches', 'matches'],
];

const TYPE_TESTS: Record<string, string> = {
  IsNull: 'null',
  IsPresent: 'present',
  IsNumeric: 'numeric',
  IsString: 'a string',
  IsBoolean: 'a boolean',
  IsTimestamp: 'a timestamp',
};

const literal = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function comparison(variable: string, rule: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(rule)) {
    const test = TYPE_TESTS[key];
    if (test !== undefined) return `${variable} is ${value === false ? 'not ' : ''}${test}`;
    // e.g. NumericGreaterThanEqualsPath: the comparand is another path, printed bare.
    const isPath = key.endsWith('Path') && key !== 'Variable';
    const base = isPath ? key.slice(0, -'Path'.length) : key;
    const op = OPERATORS.find(([suffix]) => base.endsWith(suffix));
    if (op && /^(String|Numeric|Boolean|Timestamp)/.test(base)) {
      return `${variable} ${op[1]} ${isPath ? String(value) : literal(value)}`;
    }
  }
  return undefined;
}

function summarize(rule: unknown): string {
  if (!isRecord(rule)) return '?';
  if (typeof rule.Condition === 'string') return rule.Condition.replace(/^\s*\{%\s*|\s*%\}\s*$/g, '');
  if (Array.isArray(rule.And)) return rule.And.map((r) => wrap(summarize(r))).join(' && ');
  if (Array.isArray(rule.Or)) return rule.Or.map((r) => wrap(summarize(r))).join(' || ');
  if (rule.Not !== undefined) return `!(${summarize(rule.Not)})`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  return comparison(variable, rule) ?? variable;
}

/** Parenthesize compound sub-conditions so `a && (b || c)` keeps its meaning. */
const wrap = (s: string): string => (/ (&&|\|\|) /.test(s) ? `(${s})` : s);

export function choiceLabel(rule: unknown): string {
  const text = summarize(rule);
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}
