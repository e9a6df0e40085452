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
