import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PuenteError } from '../domain/errors.js';
import { repoRoot } from '../reference/paths.js';
import { decodeBytes, decodeText, firstInvalidUtf8 } from './decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', 'documents', name));
const failure = (bytes: Uint8Array) => {
  try {
    decodeText(bytes);
  } catch (error) {
    return error instanceof PuenteError ? error.message : 'not a PuenteError';
  }
  return 'no error';
};

describe('decodeText', () => {
  it('reads UTF-8 and drops a byte order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('peruano ñ ç ã')]))).toEqual({
      text: 'peruano ñ ç ã',
      encoding: 'utf-8',
      note: null,
    });
  });

  it('refuses empty, blank and binary input with a clear reason', () => {
    expect(failure(new Uint8Array())).toMatch(/empty file \(0 bytes\)/);
    expect(failure(utf8(' \n\t '))).toMatch(/only white space/);
    expect(failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))).toMatch(/binary file/);
  });

  it('reads legacy single-byte text as Windows-1252 and says so', () => {
    // "Perú" in Windows-1252: ú is the lone byte 0xfa.
    expect(decodeText(new Uint8Array([0x50, 0x65, 0x72, 0xfa, 0x20, 0x61]))).toEqual({
      text: 'Perú a',
      encoding: 'windows-1252',
      note: null,
    });
    const pt = decodeText(fixture('portugues-cp1252.txt'));
    expect(pt.encoding).toBe('windows-1252');
    expect(pt.text).toContain('Investimento chinês');
    expect(pt.text).toContain('A operação, uma das maiores aquisições chinesas no país');
    expect(pt.text).toContain('São Paulo, Goiás');
  });

  it('reads UTF-16 little- and big-endian with a byte order mark', () => {
    for (const [name, encoding] of [
      ['utf16le-bom.txt', 'utf-16le'],
      ['utf16be-bom.txt', 'utf-16be'],
    ] as const) {
      const decoded = decodeText(fixture(name));
      expect(decoded.encoding).toBe(encoding);
      expect(decoded.text).toMatch(/^Cooperação China–América Latina\n/);
      expect(decoded.text).toContain('Niño, pingüino, façade, São Tomé.');
    }
  });

  it('refuses bytes that are control characters in every encoding tried', () => {
    const noise = Uint8Array.from(
      { length: 400 },
      (_, i) => [0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x41][i % 6] ?? 0x41,
    );
    expect(failure(noise)).toMatch(/not text in UTF-8, UTF-16 or Windows-1252/);
  });
});

describe('decodeBytes: a declared charset against the bytes', () => {
  it('keeps valid multi-byte UTF-8 under a Latin-1 label, and notes the lie', () => {
    const decoded = decodeBytes(utf8('Inversión en Perú: ñandú'), 'iso-8859-1');
    expect(decoded).toMatchObject({ text: 'Inversión en Perú: ñandú', encoding: 'utf-8' });
    expect(decoded.note).toMatch(/declared iso-8859-1 but the bytes are valid UTF-8/);
  });

  it('reads bytes that are not UTF-8 under a UTF-8 label as Windows-1252, and notes it', () => {
    const decoded = decodeBytes(Uint8Array.from(Buffer.from('Açaí e pão', 'latin1')), 'UTF-8');
    expect(decoded).toMatchObject({ text: 'Açaí e pão', encoding: 'windows-1252' });
    expect(decoded.note).toMatch(/declared UTF-8 but not valid UTF-8 \(byte 0xe7 at offset 1\)/);
  });

  it('follows a legacy label when the bytes are not UTF-8', () => {
    const bytes = Uint8Array.from(Buffer.from('Mañana € 5', 'latin1'));
    bytes[bytes.length - 3] = 0xa4; // € in ISO-8859-15
    expect(decodeBytes(bytes, 'iso-8859-15')).toMatchObject({ text: 'Mañana € 5', encoding: 'iso-8859-15' });
  });

  it('keeps mostly-UTF-8 text as UTF-8, replacing a stray byte', () => {
    const bytes = new Uint8Array([...utf8('José, María, Núñez, Peña, Ibáñez '), 0xff, ...utf8(' fin')]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('Ibáñez \ufffd fin');
    expect(decoded.note).toMatch(/1 byte\(s\) that are not UTF-8 replaced/);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8(utf8('ok ✓ 中国 😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe4, 0xb8]))).toBe(2);
  });
});
