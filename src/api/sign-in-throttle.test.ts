import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { addUser } from '../store/accounts.js';
import { createApp } from './app.js';
import { LoginLimiter } from './auth-routes.js';

const password = 'correct horse battery';

/** What @hono/node-server gives a handler: the socket a request came in on, here with a chosen peer address. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describeEachBackend('sign-in throttling', (store) => {
  const setUp = async (limiter: LoginLimiter) => {
    const s = store();
    await addUser(s.db, 'ada', 'admin', password);
    const app = createApp(s, { webRoot: '/nonexistent', limiter });
    return (address: string, pass: string, headers: Record<string, string> = {}) =>
      app.request(
        '/api/v1/auth/login',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ username: 'ada', password: pass }),
        },
        from(address),
      );
  };

  it('a stranger failing for a name from one address never stops its owner signing in from another', async () => {
    const signIn = await setUp(new LoginLimiter());
    for (let i = 0; i < 5; i++) expect((await signIn('203.0.113.7', 'not the password')).status).toBe(401);
    // The owner, at the same instant, from elsewhere: straight in, and a typo there costs no wait either.
    expect((await signIn('198.51.100.20', password)).status).toBe(200);
    expect((await signIn('198.51.100.20', 'typo of the password')).status).toBe(401);
    expect((await signIn('2001:db8:1:2::9', password)).status).toBe(200);
    // The stranger waits, even with the right password.
    const stranger = await signIn('203.0.113.7', password);
    expect(stranger.status).toBe(429);
    expect(stranger.headers.get('retry-after')).toBe('1');
  });

  it('a stranger who waits out every wait still only slows down himself', async () => {
    let now = 0;
    const signIn = await setUp(new LoginLimiter({}, () => now));
    // Eight failures, waiting out each wait (the clock is moved, nothing sleeps): the next wait is 8 s (1, 2, 4, 8).
    for (let failures = 0; failures < 8;) {
      const res = await signIn('203.0.113.7', 'not the password');
      if (res.status === 429) now += Number(res.headers.get('retry-after')) * 1000;
      else {
        expect(res.status).toBe(401);
        failures++;
      }
    }
    expect((await signIn('203.0.113.7', password)).headers.get('retry-after')).toBe('8');
    expect((await signIn('198.51.100.20', password)).status).toBe(200);
  });

  it('waits grow by doubling up to the cap; the right password during a wait gets 429; success clears', async () => {
    let now = 1_000_000;
    const limiter = new LoginLimiter({ freePerPair: 2, firstWaitMs: 1000, maxWaitMs: 4000 }, () => now);
    const signIn = await setUp(limiter);
    const here = '192.0.2.1';
    expect((await signIn(here, 'wrong one')).status).toBe(401);
    expect((await signIn(here, 'wrong two')).status).toBe(401);
    const waits: string[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await signIn(here, password);
      expect(refused.status).toBe(429);
      const wait = refused.headers.get('retry-after') ?? '';
      waits.push(wait);
      now += Number(wait) * 1000 - 1;
      expect((await signIn(here, password)).status).toBe(429); // a millisecond early is still early
      now += 1;
      expect((await signIn(here, 'wrong again')).status).toBe(401);
    }
    expect(waits).toEqual(['1', '2', '4', '4']);
    now += 4000;
    expect((await signIn(here, password)).status).toBe(200);
    // The success cleared this address's record for ada: two more free failures, as at first.
    expect((await signIn(here, 'wrong one')).status).toBe(401);
    expect((await signIn(here, 'wrong two')).status).toBe(401);
    expect((await signIn(here, 'wrong three')).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless told how many proxies to trust', async () => {
    const limits = { freePerPair: 1, freePerAddress: 100 };
    const direct = await setUp(new LoginLimiter(limits, () => 0));
    // A client cannot buy fresh tries by sending a new X-Forwarded-For with each.
    expect((await direct('192.0.2.9', 'wrong', { 'X-Forwarded-For': '10.0.0.1' })).status).toBe(401);
    expect((await direct('192.0.2.9', 'wrong', { 'X-Forwarded-For': '10.0.0.2' })).status).toBe(429);
  });

  it('behind a trusted proxy, tells clients apart by the address the proxy appended', async () => {
    const proxied = await setUp(
      new LoginLimiter({ freePerPair: 1, freePerAddress: 100, trustProxy: 1 }, () => 0),
    );
    const proxy = '127.0.0.1';
    // The client wrote the first entry itself; the proxy appended the second, which is the one believed.
    expect((await proxied(proxy, 'wrong', { 'X-Forwarded-For': '1.1.1.1, 203.0.113.50' })).status).toBe(401);
    expect((await proxied(proxy, password, { 'X-Forwarded-For': '2.2.2.2, 203.0.113.50' })).status).toBe(429);
    expect((await proxied(proxy, password, { 'X-Forwarded-For': '203.0.113.51' })).status).toBe(200);
  });
});
