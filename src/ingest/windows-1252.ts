// Node's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x93 stays the C1 control U+0093 instead of “), so
// Puente decodes Windows-1252 itself: the 32 bytes 0x80-0x9F by the WHATWG table, the rest as Latin-1.
const high = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 bytes (what "ISO-8859-1" and "Latin-1" labels mean on the web, too). */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 natively, then the 32 code points 0x80-0x9F (C1 controls, never text) mapped by the table.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(high[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}

/** Decodes bytes in a WHATWG encoding, with Windows-1252 done right. */
export const decodeAs = (encoding: string, bytes: Uint8Array): string =>
  encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
