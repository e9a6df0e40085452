import { isUtf8 } from 'node:buffer';
import { join, normalize } from 'node:path';

/**
 * A file's path as a batch carries it: a string, or the raw bytes of a name that is not valid UTF-8 (Node opens a
 * Buffer path byte for byte; as a string such a name would be mangled into U+FFFD and could not be opened).
 */
export type FilePath = string | Buffer;

// Characters a terminal would act on or that hide what a name is: C0 and C1 controls, DEL, and the bidirectional
// overrides and isolates that reorder what follows them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafe = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text with every control character written as an escape (`\n`, `\x1b`, `\u202e`), safe to print on a terminal. */
export function escapeControls(text: string): string {
  return text.replace(unsafe, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return named[ch] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * The bytes of a name as text: valid UTF-8 sequences decoded, every other byte written `\xNN`, so that two
 * different names never print alike.
 */
export function bytesAsText(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      out += `\\x${hex(bytes[i] ?? 0, 2)}`;
      i++;
    } else {
      out += Buffer.from(bytes.subarray(i, i + length)).toString('utf8');
      i += length;
    }
  }
  return out;
}

// The length of the valid UTF-8 sequence starting at `i` (1-4), or 0 when the bytes there are not one.
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number) => {
    const b = bytes[i + k];
    return b !== undefined && b >= 0x80 && b <= 0xbf;
  };
  const b1 = bytes[i + 1] ?? 0;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlong forms (E0 needs A0-BF) and no surrogates (ED needs 80-9F).
    if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** A path as text for messages: a Buffer's bytes decoded as `bytesAsText` does, control characters escaped. */
export function showPath(path: FilePath): string {
  return escapeControls(typeof path === 'string' ? path : bytesAsText(path));
}

/** The bytes of a path (a string's in UTF-8), as the file system sees them. */
export const pathBytes = (path: FilePath): Buffer =>
  typeof path === 'string' ? Buffer.from(path, 'utf8') : path;

/** A path as text for looking at its name (extension, leading dot): a Buffer's bytes as `bytesAsText` writes them. */
export const pathText = (path: FilePath): string => (typeof path === 'string' ? path : bytesAsText(path));

/** A path as one key for sets and maps: the same bytes give the same key, different bytes different keys. */
export const pathKey = (path: FilePath): string => pathBytes(path).toString('latin1');

/**
 * The path of a folder's entry from the raw bytes of its name (as `readdirSync(dir, { encoding: 'buffer' })` gives
 * them): a string when the folder's path is one and the name is valid UTF-8, else a Buffer of the exact bytes.
 */
export function childPath(dir: FilePath, name: Buffer): FilePath {
  if (typeof dir === 'string' && isUtf8(name)) return join(dir, name.toString('utf8'));
  const base = typeof dir === 'string' ? Buffer.from(normalize(dir), 'utf8') : dir;
  const slash = base.length > 0 && base[base.length - 1] !== 0x2f ? Buffer.from('/') : Buffer.alloc(0);
  return Buffer.concat([base, slash, name]);
}
