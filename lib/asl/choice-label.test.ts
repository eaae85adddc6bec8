import { describe, expect, it } from 'vitest';
import { choiceLabel } from './choice-label';

describe('choiceLabel', () => {
  it.each([
    [{ Variable: '$.x', NumericEquals: 3 }, '$.x == 3'],
    [{ Variable: '$.s', StringEquals: 'gold' }, '$.s == "gold"'],
    [{ Variable: '$.n', NumericGreaterThanEquals: 10 }, '$.n >= 10'],
    [{ Variable: '$.n', NumericLessThanPath: '$.max' }, '$.n < $.max'],
    [{ Variable: '$guess', StringEqualsPath: '$answer' }, '$guess == $answer'],
    [{ Variable: '$.name', StringMatches: 'log-*' }, '$.name matches "log-*"'],
    [{ Variable: '$.ok', BooleanEquals: true }, '$.ok == true'],
    [{ Variable: '$.t', TimestampLessThan: '2024-01-01T00:00:00Z' }, '$.t < "2024-01-01T00:00:00Z"'],
    [{ Variable: '$.c', IsPresent: false }, '$.c is not present'],
    [{ Variable: '$.c', IsNull: true }, '$.c is null'],
    [{ And: [{ Variable: '$.a', IsPresent: true }, { Or: [{ Variable: '$.b', NumericGreaterThan: 2 }, { Variable: '$.b', NumericLessThan: 0 }] }] }, '$.a is present && ($.b > 2 || $.b < 0)'],
    [{ Not: { Variable: '$.type', StringEquals: 'Private' } }, '!($.type == "Private")'],
    [{ Condition: "{% $states.input.value >= 20 and $states.input.value < 30 %}" }, '$states.input.value >= 20 and $states.input.value < 30'],
  ])('summarizes %j', (rule, label) => {
    expect(choiceLabel(rule)).toBe(label);
  });

  it('shortens long conditions', () => {
    const label = choiceLabel({ Condition: `{% ${'$x = 1 and '.repeat(20)}true %}` });
    expect(label.length).toBe(80);
    expect(label.endsWith('…')).toBe(true);
  });
});
