import { describe, expect, it } from 'vitest';
import { trustProxyFrom } from './serve-command.js';

describe('--trust-proxy', () => {
  it('is off unless set, by the option or else PUENTE_TRUST_PROXY, and refuses what is not a hop count', () => {
    expect(trustProxyFrom(undefined, {})).toBe(0);
    expect(trustProxyFrom(undefined, { PUENTE_TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxyFrom('2', { PUENTE_TRUST_PROXY: '1' })).toBe(2);
    for (const bad of ['yes', '-1', '1.5', '11'])
      expect(() => trustProxyFrom(bad, {})).toThrow(/invalid --trust-proxy/);
  });
});
