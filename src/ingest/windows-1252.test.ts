import { describe, expect, it } from 'vitest';
import { decodeAs, decodeWindows1252 } from './windows-1252.js';

describe('Windows-1252', () => {
  it('decodes the 0x80-0x9F range by the WHATWG table, which the platform decoder gets wrong', () => {
    const bytes = Uint8Array.from([0x93, 0x45, 0x73, 0x94, 0x20, 0x96, 0x20, 0x80, 0x20, 0xe3, 0xe7, 0x81]);
    expect(decodeWindows1252(bytes)).toBe('“Es” – € ãç\u0081');
    expect(decodeAs('windows-1252', bytes)).toBe(decodeWindows1252(bytes));
    expect(decodeAs('utf-8', new TextEncoder().encode('ação'))).toBe('ação');
  });

  it('decodes long inputs in chunks without overflowing the call stack', () => {
    const long = new Uint8Array(200_000).fill(0x93);
    expect(decodeWindows1252(long)).toBe('“'.repeat(200_000));
  });
});
