import { describe, expect, it } from 'vitest';
import { parseBatchSettings } from '@/lib/batch/settings';
import { settingsFromForm } from './form-settings';

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('settingsFromForm', () => {
  it('reads a mix, leaving out presets at 0 %', () => {
    const raw = settingsFromForm(form({ mode: 'mix', count: '40', concurrency: '10', 'mix-happy': '60', 'mix-fail-refund': '40', 'mix-slow': '0' }));
    expect(parseBatchSettings(raw)).toEqual({ ok: true, settings: { mode: 'mix', count: 40, concurrency: 10, mix: { happy: 60, 'fail-refund': 40 } } });
  });

  it('reads chaos, and lets the schema name a field that is not a number', () => {
    const raw = settingsFromForm(form({ mode: 'chaos', count: '5', concurrency: 'x', business: '10', transient: '5', compensation: '1', latency: '0', latencyMs: '' }));
    expect(parseBatchSettings(raw)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^concurrency:/)] });
  });
});
