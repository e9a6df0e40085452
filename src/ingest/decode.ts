import { unsupportedInput } from '../domain/errors.js';

/**
 * Turns a file's bytes into text, refusing what is not a readable text document: empty files, binary files
 * and bytes that are not UTF-8 (the message gives the byte offset of the first bad sequence).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw unsupportedInput('empty file (0 bytes)', 'remove it from the batch');
  if (looksBinary(bytes)) {
    throw unsupportedInput('binary file, not text', 'ingest takes .txt and .md text documents');
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    throw unsupportedInput(
      `not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad})`,
      'convert the file to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8 FILE',
    );
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  if (text.trim() === '') throw unsupportedInput('empty file (only white space)', 'remove it from the batch');
  return text;
}

// A NUL byte anywhere, or many control characters in the first 8 KiB, means binary data.
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return control > sample.length * 0.1;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    const next = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if (
      (b === 0xe0 && next < 0xa0) ||
      (b === 0xed && next > 0x9f) ||
      (b === 0xf0 && next < 0x90) ||
      (b === 0xf4 && next > 0x8f)
    ) {
      return i;
    }
    i += length;
  }
  return -1;
}

/**
 * Turns any bytes into text without refusing: UTF-8 when valid, else Windows-1252 (the usual legacy encoding of
 * Spanish and Portuguese text); control characters are removed later by normalization. Used by `puente extract`,
 * whose contract answers every input with a result.
 */
export function decodeLenient(bytes: Uint8Array): string {
  if (firstInvalidUtf8(bytes) < 0) return new TextDecoder('utf-8').decode(bytes);
  return new TextDecoder('windows-1252').decode(bytes);
}
