import { describe, expect, it } from 'vitest';
import { PuenteError } from '../domain/errors.js';
import { decodeCursor, encodeCursor, pageLimit, toPage } from './paging.js';

describe('cursors', () => {
  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01', 's_1', 3]), ['string', 'string', 'int'])).toEqual([
      '2026-01-01',
      's_1',
      3,
    ]);
  });

  it('takes null only in a part marked nullable, and any finite number in a number part', () => {
    expect(decodeCursor(encodeCursor(['-amount', null, 'p']), ['string', 'number?', 'string'])).toEqual([
      '-amount',
      null,
      'p',
    ]);
    expect(decodeCursor(encodeCursor([1.5e9 + 0.25]), ['number'])).toEqual([1.5e9 + 0.25]);
    expect(() => decodeCursor(encodeCursor([null]), ['number'])).toThrow(PuenteError);
    expect(() => decodeCursor(encodeCursor(['x']), ['int?'])).toThrow(PuenteError);
  });

  it('refuses a malformed or foreign cursor with bad_request', () => {
    const wrongKinds = [
      ['a', 'abc', 'c'],
      ['a', 1.5, 'c'],
      ['a', 1e300, 'c'],
      ['a\u0000', 1, 'c'],
      [1, 1, 'c'],
    ];
    const bad = [
      '!!!',
      encodeCursor(['a']),
      Buffer.from('{"a":1}').toString('base64url'),
      ...wrongKinds.map(encodeCursor),
    ];
    for (const cursor of bad)
      expect(() => decodeCursor(cursor, ['string', 'int', 'string'])).toThrow(PuenteError);
  });

  it('clamps the limit and makes next only when a row beyond the page was fetched', () => {
    expect(pageLimit(undefined)).toBe(50);
    expect(pageLimit(100000)).toBe(500);
    expect(pageLimit(0)).toBe(1);
    const page = toPage(
      [1, 2, 3],
      2,
      3,
      (n) => [n],
      (n) => n * 10,
    );
    expect(page).toEqual({ items: [10, 20], total: 3, next: encodeCursor([2]) });
    expect(
      toPage(
        [1, 2],
        2,
        2,
        (n) => [n],
        (n) => n,
      ).next,
    ).toBeNull();
  });
});
