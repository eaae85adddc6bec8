import { describe, expect, it } from 'vitest';
import { ConfigError, engineConfig } from './env';

describe('engineConfig', () => {
  it('defaults: port 8083, .data, throttling off', () => {
    expect(engineConfig({})).toEqual({ host: '127.0.0.1', port: 8083, dynamoPort: 8084, dataDir: '.data', region: 'us-east-1', throttleEvery: undefined });
  });

  it('ENGINE_THROTTLE_EVERY: a positive whole number, anything else refused by name', () => {
    expect(engineConfig({ ENGINE_THROTTLE_EVERY: '3' }).throttleEvery).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'often']) {
      expect(() => engineConfig({ ENGINE_THROTTLE_EVERY: bad })).toThrow(ConfigError);
      expect(() => engineConfig({ ENGINE_THROTTLE_EVERY: bad })).toThrow(/ENGINE_THROTTLE_EVERY/);
    }
  });
});
