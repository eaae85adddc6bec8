import { describe, expect, it } from 'vitest';
import { asText, causeMessage } from './values';

describe('causes', () => {
  it('turns a cause the recorder parsed back into text', () => {
    expect(asText({ errorMessage: 'x' })).toBe('{"errorMessage":"x"}');
    expect(asText('plain')).toBe('plain');
    expect(asText(undefined)).toBeUndefined();
  });

  it("reads a Lambda cause's message, and keeps any other cause as it is", () => {
    expect(causeMessage('{"errorMessage":"Payment declined","errorType":"Error"}')).toBe('Payment declined');
    expect(causeMessage('Out of stock')).toBe('Out of stock');
    expect(causeMessage(undefined)).toBe('');
  });
});
