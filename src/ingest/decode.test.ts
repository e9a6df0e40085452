import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PuenteError } from '../domain/errors.js';
import { repoRoot } from '../reference/paths.js';
import { binaryEvidence, decodeBytes, decodeText, firstInvalidUtf8, utf16Of, wellFormed } from './decode.js';

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

describe('decodeText: text with control characters, binary by proportion', () => {
  it('reads valid UTF-8 with a trailing NUL or a few control characters as text, and removes them', () => {
    expect(decodeText(utf8('China lent Peru $5 billion.\u0000')).text).toBe('China lent Peru $5 billion.');
    expect(decodeText(utf8('China lent Peru $5 billion.\u0000\u0000\u0000\u0000')).text).toBe(
      'China lent Peru $5 billion.',
    );
    const three = decodeText(utf8('China \u0001lent Peru\u0002 $5 billion.\u001b Tabs\tand\r\nlines stay.'));
    expect(three).toMatchObject({
      text: 'China lent Peru $5 billion. Tabs\tand\r\nlines stay.',
      encoding: 'utf-8',
    });
    // A form feed breaks a page: it becomes a line break, not nothing.
    expect(decodeText(utf8('end of page.\fNext page.')).text).toBe('end of page.\nNext page.');
  });

  it('judges the whole file by proportion, not by one byte', () => {
    expect(binaryEvidence(utf8(`${'a'.repeat(9000)}\u0000def`))).toBeNull();
    const late = new Uint8Array([...utf8('a'.repeat(9000)), ...new Uint8Array(3000).fill(1)]);
    expect(binaryEvidence(late)).toMatch(/3000 of its 12000 bytes \(25%\) are control characters/);
    expect(failure(new Uint8Array(64).fill(0))).toMatch(/binary file, not text: its 64 bytes are all NUL/);
    // Bytes that are not UTF-8 are legacy text, which holds no control characters: a few are enough.
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 193 + 71) % 256);
    expect(failure(random)).toMatch(/binary file, not text: \d+ of its 4096 bytes .* \(\d+ NUL\)/);
  });

  it('reads UTF-16 little- and big-endian without a byte order mark, told from its zero bytes', () => {
    const text = 'Cooperação China–América Latina: US$ 1.000 millones en 2024.';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(utf16Of(le)).toEqual({ encoding: 'utf-16le', length: 0 });
    expect(utf16Of(be)).toEqual({ encoding: 'utf-16be', length: 0 });
    expect(decodeText(le)).toMatchObject({
      text,
      encoding: 'utf-16le',
      note: expect.stringMatching(/without a byte order mark/),
    });
    expect(decodeText(be)).toMatchObject({ text, encoding: 'utf-16be' });
    // UTF-8 with a NUL or two is not UTF-16.
    expect(utf16Of(utf8('China lent Peru $5 billion.\u0000'))).toBeNull();
    expect(utf16Of(utf8('abc\u0000'.repeat(10)))).toBeNull();
  });

  it('makes text well-formed: a lone surrogate becomes U+FFFD, a pair stays', () => {
    expect(wellFormed('a\ud800b\udc00c 😀')).toBe('a\ufffdb\ufffdc 😀');
    expect(wellFormed('a\ud800b').length).toBe(3);
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
