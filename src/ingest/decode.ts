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

/** A UTF-16 encoding and the length of its byte order mark (0 when it was told from the bytes alone). */
export interface Utf16 {
  encoding: 'utf-16le' | 'utf-16be';
  length: number;
}

/**
 * Whether the bytes are UTF-16, by a byte order mark or, without one, by zero bytes in alternating positions
 * (the high byte of every ASCII and Latin-1 character): at least 70% of one position zero, almost none of the
 * other. Text in other scripts without a mark is not recognised (nothing tells it apart from binary data).
 */
export function utf16Of(bytes: Uint8Array): Utf16 | null {
  const bom = byteOrderMark(bytes);
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be')
    return { encoding: bom.encoding, length: 2 };
  if (bom) return null;
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const few = pairs * 0.02;
  if (oddZeros >= pairs * 0.7 && evenZeros <= few) return { encoding: 'utf-16le', length: 0 };
  if (evenZeros >= pairs * 0.7 && oddZeros <= few) return { encoding: 'utf-16be', length: 0 };
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
 * Text without NUL, DEL and the other C0 control characters but tab, line feed and carriage return (a form feed or
 * vertical tab becomes a line feed: it breaks a line). Done on the decoded text, before anything reads it, so every
 * offset into the text is an offset into what is stored.
 */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) =>
    c === '\u000b' || c === '\u000c' ? '\n' : '',
  );
}

/**
 * Text with every lone surrogate (a half of a UTF-16 pair, which JSON `\ud800` or `&#xD800;` can make) replaced by
 * U+FFFD, as `String.prototype.toWellFormed` does: one code unit for one, so offsets do not move.
 */
export function wellFormed(text: string): string {
  // With the u flag a paired surrogate is one code point above U+FFFF, so only lone halves match.
  return text.replace(/[\ud800-\udfff]/gu, '\ufffd');
}

/**
 * Decodes bytes by their own evidence first: a byte order mark (or UTF-16 told from its zero bytes); else valid
 * UTF-8; else the declared charset (an HTML meta charset, an XML encoding declaration) when it names a legacy
 * encoding; else Windows-1252, the usual legacy encoding of Spanish and Portuguese text (ISO-8859-1 is its
 * subset). A label that the bytes contradict (Latin-1 declared on valid multi-byte UTF-8, UTF-8 declared on
 * bytes that are not UTF-8) loses, and the note says so. Control characters are removed (`stripControls`).
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  const decoded = decodeRaw(bytes, declared);
  return { ...decoded, text: stripControls(decoded.text) };
}

// decodeBytes without removing control characters.
function decodeRaw(bytes: Uint8Array, declared: string | null): Decoded {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    return {
      text: new TextDecoder(utf16.encoding).decode(bytes.subarray(utf16.length)),
      encoding: utf16.encoding,
      note:
        utf16.length === 0
          ? `${utf16.encoding.toUpperCase()} without a byte order mark (told from its zero bytes)`
          : null,
    };
  }
  const bom = byteOrderMark(bytes);
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

/** What `ingest` says to do with a file that is not text. */
export const notTextHint = 'ingest takes text, Markdown, HTML, PDF, RSS/Atom and JSON Lines documents';

/**
 * Turns a file's bytes into text, refusing what is not a readable text document: empty files, binary data
 * (`binaryEvidence`), and bytes that decode to control characters in every encoding tried. See `decodeBytes`
 * for the encodings; control characters of text are removed.
 */
export function decodeText(bytes: Uint8Array, declared: string | null = null): Decoded {
  if (bytes.length === 0) throw unsupportedInput('empty file (0 bytes)', 'remove it from the batch');
  const utf16 = utf16Of(bytes);
  const binary = utf16 ? null : binaryEvidence(bytes);
  if (binary) throw unsupportedInput(`binary file, not text: ${binary}`, notTextHint);
  const decoded = decodeRaw(bytes, declared);
  // C1 controls are text in none of these encodings (Windows-1252 leaves five bytes undefined); UTF-16 was not
  // judged on its bytes, so its C0 controls count here too.
  const pattern = utf16
    ? // eslint-disable-next-line no-control-regex -- counting control characters is the point
      /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g
    : /[\u0080-\u009f]/g;
  const controls = (decoded.text.match(pattern) ?? []).length;
  if (controls > decoded.text.length * 0.01 + 2) {
    throw unsupportedInput(
      `not text in UTF-8, UTF-16 or Windows-1252 (${controls} control characters after decoding as ${decoded.encoding})`,
      'convert the file to UTF-8, e.g. iconv -f ENCODING -t UTF-8 FILE',
    );
  }
  const text = stripControls(decoded.text);
  if (text.trim() === '') {
    throw unsupportedInput(
      text.length < decoded.text.length
        ? 'empty file (only white space and control characters)'
        : 'empty file (only white space)',
      'remove it from the batch',
    );
  }
  return { ...decoded, text };
}

// 1 for the bytes that are control characters in text: C0 but tab, line feed, vertical tab, form feed and carriage
// return; and DEL.
const controlByte = Uint8Array.from({ length: 256 }, (_, b) =>
  b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f ? 1 : 0,
);

/**
 * Why bytes are binary data and not text, or null when they are text. Judged by proportion over the whole file,
 * not by one byte: control bytes (NUL and the other C0 controls but tab and line breaks, and DEL) may be up to a
 * tenth of text that decodes as UTF-8 (at least 4 of them), and a fiftieth of text that does not (legacy
 * encodings hold none). NUL bytes that pad the end do not count. UTF-16 (see `utf16Of`) is judged after decoding.
 */
export function binaryEvidence(bytes: Uint8Array): string | null {
  // A file is judged twice (by sniffing its format, then by decoding it): the second time is free.
  const known = judged.get(bytes);
  if (known !== undefined) return known;
  const evidence = judge(bytes);
  judged.set(bytes, evidence);
  return evidence;
}

const judged = new WeakMap<Uint8Array, string | null>();

function judge(bytes: Uint8Array): string | null {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end === 0) return bytes.length > 0 ? `its ${bytes.length} bytes are all NUL` : null;
  const body = bytes.subarray(0, end);
  // Most text has no control byte at all: a native search over the bytes as Latin-1 finds that fast.
  const latin1 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (!/[\u0000-\u0008\u000e-\u001f\u007f]/.test(latin1)) return null;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < end; i++) {
    const b = body[i] ?? 0;
    if (controlByte[b] === 1) {
      control++;
      if (b === 0) nul++;
    }
  }
  const legacyAllowed = body.length * 0.02 + 1;
  if (control <= legacyAllowed) return null;
  // Only between the two allowances does it matter whether the bytes are UTF-8 (a pass over the whole file).
  if (control <= Math.max(4, body.length * 0.1)) {
    const { valid, invalid } = countUtf8(body);
    if (invalid === 0 || valid > invalid * 4) return null;
  }
  const share = Math.round((control / body.length) * 100);
  return `${control} of its ${body.length} bytes (${share}%) are control characters${nul > 0 ? ` (${nul} NUL)` : ''}, too many for text`;
}

/** Whether bytes are binary data (see `binaryEvidence`). */
export const looksBinary = (bytes: Uint8Array): boolean => binaryEvidence(bytes) !== null;

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
 * Windows-1252; control characters removed. Used by `puente extract`, whose
 * contract answers every input with a result.
 */
export function decodeLenient(bytes: Uint8Array, declared: string | null = null): Decoded {
  return decodeBytes(bytes, declared);
}
