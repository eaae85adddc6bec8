import { describe, expect, it } from 'vitest';
import { executionApiPath, executionHistoryPath, executionHref, executionNameFromSegment, executionsHref } from './urls';

const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:Other';

describe('execution URLs', () => {
  it('leave out ?sm= for the saga, so its URLs stay short and shareable', () => {
    expect(executionHref('happy--ord-1')).toBe('/executions/happy--ord-1');
    expect(executionsHref()).toBe('/executions');
    expect(executionApiPath('happy--ord-1', 'stream')).toBe('/api/executions/happy--ord-1/stream');
  });

  it('encode the name and the machine, so an ARN survives the query string', () => {
    expect(executionHref('a b', machine)).toBe(`/executions/a%20b?sm=${encodeURIComponent(machine)}`);
    expect(executionApiPath('x', 'export', machine)).toBe(`/api/executions/x/export?sm=arn%3Aaws%3Astates%3Aus-east-1%3A000000000000%3AstateMachine%3AOther`);
    expect(executionsHref('FanOut')).toBe('/executions?sm=FanOut');
  });

  it('name the events a history fetch answers, with or without a machine', () => {
    expect(executionHistoryPath('a b', 42)).toBe('/api/executions/a%20b/history?upTo=42');
    expect(executionHistoryPath('x', 7, machine)).toBe(`/api/executions/x/history?sm=${encodeURIComponent(machine)}&upTo=7`);
  });

  it('every name Step Functions accepts survives the round trip through its URL', () => {
    for (const name of ['dot.name-x1', 'bestellung-über', '注文-1', 'emoji-🚀', "a'b(c)!+=@"]) {
      const segment = executionHref(name).slice('/executions/'.length);
      expect(executionNameFromSegment(segment), name).toBe(name);
    }
  });

  it('a malformed segment or a name Step Functions refuses reads as no name, without throwing', () => {
    expect(executionNameFromSegment('%ff%fe')).toBeUndefined();
    expect(executionNameFromSegment('%E0%A4%A')).toBeUndefined();
    expect(executionNameFromSegment('a%2Fb')).toBeUndefined();
    expect(executionNameFromSegment('x'.repeat(81))).toBeUndefined();
  });
});
