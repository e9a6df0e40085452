import { unsupportedInput } from '../domain/errors.js';
import { decodeAs, decodeWindows1252 } from './windows-1252.js';

/** Text decoded from bytes, with the encoding it was read in and why, when the bytes and a label disagreed. */
export interface Decoded {
  text: string;
  /** the WHATWG name of the encoding used: utf-8, utf-16le, utf-16be, windows-1252, ... */
  encoding: string;
  /** what was noticed while decoding (a lying charset label, replaced bytes), or null */
  note: string | null;
}

const utf8Labels = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** The encoding a byte order mark at the start names, and the mark's length. */
export function byteOrderMark(
  bytes: Uint8Array,
): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

// The canonical name TextDecoder gives a label, or null when it knows no such encoding.
function encodingOf(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

const hex = (b: number | undefined) => `0x${(b ?? 0).toString(16).padStart(2, '0')}`;

/**
 * Decodes bytes by their own evidence first: a byte order mark; else valid UTF-8; else the declared charset
 * (an HTML meta charset, an XML encoding declaration) when it names a legacy encoding; else Windows-1252, the
 * usual legacy encoding of Spanish and Portuguese text (ISO-8859-1 is its subset). A label that the bytes
 * contradict (Latin-1 declared on valid multi-byte UTF-8, UTF-8 declared on bytes that are not UTF-8) loses,
 * and the note says so.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  const bom = byteOrderMark(bytes);
  if (bom && bom.encoding !== 'utf-8') {
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
      note: null,
    };
  }
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const label = declared ? declared.trim().toLowerCase() : null;
  const named = label ? encodingOf(label) : null;
  const bad = firstInvalidUtf8(body);
  if (bad < 0) {
    const multiByte = body.some((b) => b >= 0x80);
    const note =
      multiByte && named && named !== 'utf-8'
        ? `declared ${declared} but the bytes are valid UTF-8: read as UTF-8`
        : null;
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', note };
  }
  const where = `byte ${hex(body[bad])} at offset ${bad + (bom?.length ?? 0)}`;
  // Mostly UTF-8 with a few broken bytes: keep the UTF-8 and replace the broken bytes.
  const { valid, invalid } = countUtf8(body);
  if (bom || valid > invalid * 4) {
    return {
      text: new TextDecoder('utf-8').decode(body),
      encoding: 'utf-8',
      note: `${invalid} byte(s) that are not UTF-8 replaced by U+FFFD (first: ${where})`,
    };
  }
  if (named && named !== 'utf-8' && !named.startsWith('utf-16') && !utf8Labels.has(label ?? '')) {
    return { text: decodeAs(named, body), encoding: named, note: null };
  }
  return {
    text: decodeWindows1252(body),
    encoding: 'windows-1252',
    note:
      named === 'utf-8' ? `declared ${declared} but not valid UTF-8 (${where}): read as Windows-1252` : null,
  };
}

/**
 * Turns a file's bytes into text, refusing what is not a readable text document: empty files, binary files,
 * and bytes that decode to control characters in every encoding tried. See `decodeBytes` for the encodings.
 */
export function decodeText(bytes: Uint8Array, declared: string | null = null): Decoded {
  if (bytes.length === 0) throw unsupportedInput('empty file (0 bytes)', 'remove it from the batch');
  const bom = byteOrderMark(bytes);
  const utf16 = bom !== null && bom.encoding !== 'utf-8';
  if (!utf16 && looksBinary(bytes)) {
    throw unsupportedInput(
      'binary file, not text',
      'ingest takes text, Markdown, HTML, PDF, RSS/Atom and JSON Lines documents',
    );
  }
  const decoded = decodeBytes(bytes, declared);
  if (decoded.text.trim() === '')
    throw unsupportedInput('empty file (only white space)', 'remove it from the batch');
  // Windows-1252 leaves five bytes undefined (and C1 controls are not text in any of these encodings).
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = (decoded.text.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g) ?? []).length;
  if (controls > decoded.text.length * 0.01 + 2) {
    throw unsupportedInput(
      `not text in UTF-8, UTF-16 or Windows-1252 (${controls} control characters after decoding as ${decoded.encoding})`,
      'convert the file to UTF-8, e.g. iconv -f ENCODING -t UTF-8 FILE',
    );
  }
  return decoded;
}

// A NUL byte anywhere, or many control characters in the first 8 KiB, means binary data.
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return control > sample.length * 0.1;
}

// The length of the UTF-8 sequence starting at i, or 0 when none starts there.
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  const length =
    b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > bytes.length) return 0;
  for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  const next = bytes[i + 1] ?? 0;
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
  if (
    (b === 0xe0 && next < 0xa0) ||
    (b === 0xed && next > 0x9f) ||
    (b === 0xf0 && next < 0x90) ||
    (b === 0xf4 && next > 0x8f)
  ) {
    return 0;
  }
  return length;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceAt(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

// How many valid multi-byte sequences and how many invalid bytes the bytes hold.
function countUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceAt(bytes, i);
    if (length === 0) {
      invalid++;
      i++;
    } else {
      if (length > 1) valid++;
      i += length;
    }
  }
  return { valid, invalid };
}

/**
 * Turns any bytes into text without refusing: a byte order mark's encoding, else UTF-8 when valid, else
 * Windows-1252; control characters are removed later by normalization. Used by `puente extract`, whose
 * contract answers every input with a result.
 */
export function decodeLenient(bytes: Uint8Array, declared: string | null = null): Decoded {
  return decodeBytes(bytes, declared);
}
