/** The numbers of sign-in throttling; README "Accounts" documents the defaults. */
export interface LoginLimits {
  /** failed sign-ins from one address for one user name before the tries must wait */
  freePerPair: number;
  /** failed sign-ins from one address, whatever the names, before the tries must wait */
  freePerAddress: number;
  /** the wait after the last free failure; each further failure doubles it */
  firstWaitMs: number;
  /** the longest wait */
  maxWaitMs: number;
  /** a record is forgotten this long after its last failure */
  forgetMs: number;
  /** records kept at most; the least recently failed go first */
  maxRecords: number;
  /** how many reverse proxies stand in front, whose X-Forwarded-For entries are trusted (0: none) */
  trustProxy: number;
}

/** The defaults: 5 free per address and name, 20 per address; then 1 s, 2 s, 4 s ... up to 10 minutes. */
export const defaultLoginLimits: LoginLimits = {
  freePerPair: 5,
  freePerAddress: 20,
  firstWaitMs: 1000,
  maxWaitMs: 10 * 60_000,
  forgetMs: 60 * 60_000,
  maxRecords: 10_000,
  trustProxy: 0,
};

interface Failures {
  count: number;
  last: number;
  /** no try is taken before this time */
  until: number;
}

/**
 * Failed sign-ins, remembered per client address and per (address, user name), never per name alone: a
 * stranger's failures for a name slow down only the stranger, never the name's owner signing in from elsewhere.
 * After the free failures each further one doubles the wait before the next try is taken (429 until then).
 */
export class LoginLimiter {
  readonly limits: LoginLimits;
  private readonly records = new Map<string, Failures>();
  private readonly now: () => number;

  constructor(limits: Partial<LoginLimits> = {}, now: () => number = Date.now) {
    this.limits = { ...defaultLoginLimits, ...limits };
    this.now = now;
  }

  /** The wait after `count` failures: none before the `free`-th, then the first wait, doubled by each more. */
  private waitAfter(count: number, free: number): number {
    if (count < free) return 0;
    const { firstWaitMs, maxWaitMs } = this.limits;
    return Math.min(maxWaitMs, firstWaitMs * 2 ** Math.min(count - free, 40));
  }

  private current(key: string, now: number): Failures | undefined {
    const record = this.records.get(key);
    if (record && now - record.last >= this.limits.forgetMs) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  private keys(address: string, user: string): [string, number][] {
    const key = addressKey(address);
    return [
      [`pair:${key}\u0000${user}`, this.limits.freePerPair],
      [`addr:${key}`, this.limits.freePerAddress],
    ];
  }

  /** Seconds to wait before a try from `address` for `user` is taken, or 0 when it may be tried now. */
  wait(address: string, user: string): number {
    const now = this.now();
    const until = Math.max(0, ...this.keys(address, user).map(([k]) => this.current(k, now)?.until ?? 0));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /**
   * Counts a try as failed before its password is checked, so that tries sent at once cannot all pass `wait`;
   * returns the function to call when the password was right: it clears the (address, user) record and takes
   * the try back from the address's.
   */
  attempt(address: string, user: string): () => void {
    const now = this.now();
    const taken = this.keys(address, user).map(([key, free]) => {
      const before = this.current(key, now) ?? { count: 0, last: now, until: 0 };
      const after = {
        count: before.count + 1,
        last: now,
        until: now + this.waitAfter(before.count + 1, free),
      };
      // Re-inserted keys move to the end, so the least recently failed are the first to go when the map is full.
      this.records.delete(key);
      this.records.set(key, after);
      return { key, before, after };
    });
    while (this.records.size > this.limits.maxRecords) {
      const oldest = this.records.keys().next();
      if (oldest.done) break;
      this.records.delete(oldest.value);
    }
    return () => {
      const [pair, addr] = taken;
      if (pair) this.records.delete(pair.key);
      const record = addr && this.records.get(addr.key);
      if (!addr || !record) return;
      record.count = Math.max(0, record.count - 1);
      // The wait this try set goes too, unless a later failure has set another since.
      if (record.until === addr.after.until) record.until = addr.before.until;
      if (record.count === 0) this.records.delete(addr.key);
    };
  }

  /** How many records are kept (for tests of the bound). */
  get size(): number {
    return this.records.size;
  }
}

/**
 * The key of a client address: an IPv4 address as it is (an IPv4-mapped IPv6 one too), an IPv6 address by its
 * /64 prefix, which one subscriber usually holds whole, so that stepping through it buys no fresh tries.
 */
export function addressKey(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped?.[1]) return mapped[1];
  if (!plain.includes(':')) return plain;
  const [head = '', tail] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return plain;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
