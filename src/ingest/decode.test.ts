import { describe, expect, it } from 'vitest';
import { PuenteError } from '../domain/errors.js';
import { decodeText, firstInvalidUtf8 } from './decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
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
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('peruano ñ ç ã')]))).toBe('peruano ñ ç ã');
  });

  it('refuses empty, blank, binary and non-UTF-8 input with a clear reason', () => {
    expect(failure(new Uint8Array())).toMatch(/empty file \(0 bytes\)/);
    expect(failure(utf8(' \n\t '))).toMatch(/only white space/);
    expect(failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))).toMatch(/binary file/);
    // "Perú" in Windows-1252: ú is the lone byte 0xfa at offset 3.
    expect(failure(new Uint8Array([0x50, 0x65, 0x72, 0xfa, 0x20, 0x61]))).toBe(
      'not valid UTF-8 (byte 0xfa at offset 3)',
    );
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
