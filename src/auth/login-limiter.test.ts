import { describe, expect, it } from 'vitest';
import { addressKey, LoginLimiter } from './login-limiter.js';

describe('LoginLimiter', () => {
  it('counts per address and per (address, name): an address failing for many names waits too', () => {
    let now = 0;
    const limiter = new LoginLimiter({ freePerPair: 3, freePerAddress: 5, firstWaitMs: 1000 }, () => now);
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      expect(limiter.wait('192.0.2.1', name)).toBe(0);
      limiter.attempt('192.0.2.1', name);
    }
    expect(limiter.wait('192.0.2.1', 'f')).toBe(1);
    expect(limiter.wait('192.0.2.2', 'f')).toBe(0);
    now += 1000;
    expect(limiter.wait('192.0.2.1', 'f')).toBe(0);
  });

  it('a success takes its try back from the address and leaves no wait it set', () => {
    const limiter = new LoginLimiter({ freePerPair: 10, freePerAddress: 2 }, () => 0);
    limiter.attempt('192.0.2.1', 'a');
    const succeeded = limiter.attempt('192.0.2.1', 'b');
    expect(limiter.wait('192.0.2.1', 'c')).toBe(1);
    succeeded();
    expect(limiter.wait('192.0.2.1', 'c')).toBe(0);
  });

  it('forgets a record an hour after its last failure, and keeps at most maxRecords', () => {
    let now = 0;
    const limiter = new LoginLimiter({ freePerPair: 1, maxRecords: 6 }, () => now);
    limiter.attempt('192.0.2.1', 'a');
    expect(limiter.wait('192.0.2.1', 'a')).toBe(1);
    now += 60 * 60_000;
    expect(limiter.wait('192.0.2.1', 'a')).toBe(0);
    for (let i = 0; i < 50; i++) limiter.attempt(`198.51.100.${i}`, 'a');
    expect(limiter.size).toBeLessThanOrEqual(6);
    // The newest are kept.
    expect(limiter.wait('198.51.100.49', 'a')).toBe(1);
  });

  it('counts an IPv6 address by its /64 and an IPv4-mapped one as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    const limiter = new LoginLimiter({ freePerPair: 1 }, () => 0);
    limiter.attempt('2001:db8:1:2::1', 'a');
    expect(limiter.wait('2001:db8:1:2::ffff', 'a')).toBe(1);
    expect(limiter.wait('2001:db8:1:3::1', 'a')).toBe(0);
  });
});
