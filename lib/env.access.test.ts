import { describe, expect, it } from 'vitest';
import { accessConfig, ConfigError, startConfig } from './env';

const SECRET = 'a-secret-of-enough-length';

describe('accessConfig', () => {
  it('defaults to local: no secret, writes on the saga only, reads of any machine', () => {
    expect(accessConfig({})).toEqual({ mode: 'local', secret: undefined, writable: undefined, readable: 'any', writesPerMinute: 30 });
  });

  it('shared without a secret, or with a short one, does not start and says which variable', () => {
    expect(() => accessConfig({ DASHBOARD_MODE: 'shared' })).toThrow(ConfigError);
    expect(() => accessConfig({ DASHBOARD_MODE: 'shared' })).toThrow(/DASHBOARD_SECRET: shared mode needs/);
    expect(() => accessConfig({ DASHBOARD_MODE: 'shared', DASHBOARD_SECRET: 'short' })).toThrow(/DASHBOARD_SECRET: must be at least 16/);
  });

  it('shared with a secret: reads default to the allow-list; a mode it does not know is refused', () => {
    const config = accessConfig({ DASHBOARD_MODE: 'shared', DASHBOARD_SECRET: SECRET, ALLOWED_STATE_MACHINES: 'OrderSaga, arn:aws:states:us-east-1:1:stateMachine:B' });
    expect(config).toMatchObject({ mode: 'shared', secret: SECRET, writable: ['OrderSaga', 'arn:aws:states:us-east-1:1:stateMachine:B'], readable: undefined });
    expect(() => accessConfig({ DASHBOARD_MODE: 'public' })).toThrow(/DASHBOARD_MODE/);
  });

  it('READABLE_STATE_MACHINES: * opens reading any machine; an empty list is an error', () => {
    expect(accessConfig({ DASHBOARD_MODE: 'read-only', READABLE_STATE_MACHINES: '*' }).readable).toBe('any');
    expect(accessConfig({ DASHBOARD_MODE: 'read-only' }).secret).toBeUndefined();
    expect(() => accessConfig({ ALLOWED_STATE_MACHINES: ' , ' })).toThrow(/ALLOWED_STATE_MACHINES: name at least one/);
    expect(() => accessConfig({ WRITE_RATE_PER_MINUTE: '0' })).toThrow(/WRITE_RATE_PER_MINUTE/);
  });
});

describe('startConfig', () => {
  it('local binds 127.0.0.1 whatever else is asked, and refuses a public HOST', () => {
    expect(startConfig({})).toEqual({ port: 3000, host: '127.0.0.1', mode: 'local' });
    expect(startConfig({ HOST: 'localhost' }).host).toBe('127.0.0.1');
    expect(() => startConfig({ HOST: '0.0.0.0' })).toThrow(/local dashboard listens on 127.0.0.1 only/);
  });

  it('shared listens where HOST says (every interface by default), and checks the secret before anything starts', () => {
    expect(startConfig({ DASHBOARD_MODE: 'shared', DASHBOARD_SECRET: SECRET, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
    expect(startConfig({ DASHBOARD_MODE: 'read-only' }).host).toBe('0.0.0.0');
    expect(() => startConfig({ DASHBOARD_MODE: 'shared', HOST: '0.0.0.0' })).toThrow(/DASHBOARD_SECRET/);
  });
});
