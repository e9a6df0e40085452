import { extname } from 'node:path';
import { binaryEvidence, decodeBytes, looksBinary, notTextHint, utf16Of } from './decode.js';
import { decodeWindows1252 } from './windows-1252.js';

/** The formats Puente reads. `binary` is anything else that is not text. */
export type Format = 'pdf' | 'html' | 'rss' | 'atom' | 'jsonl' | 'markdown' | 'text' | 'xml' | 'binary';

/** File name extensions of each format: what folders are scanned for, and the tie-breaker of detection. */
export const extensions: Record<'html' | 'pdf' | 'feed' | 'jsonl' | 'markdown' | 'text', readonly string[]> =
  {
    html: ['.html', '.htm', '.xhtml'],
    pdf: ['.pdf'],
    feed: ['.xml', '.rss', '.atom'],
    jsonl: ['.jsonl', '.ndjson', '.json'],
    markdown: ['.md', '.markdown'],
    text: ['.txt', '.text'],
  };

const known = new Set(Object.values(extensions).flat());

/** Whether a folder scan takes files with this name (the content decides the format when read). */
export const readable = (path: string) => known.has(extname(path).toLowerCase());

/** The extensions a folder scan reads, written out for messages. */
export const readableList = [
  ...extensions.text,
  ...extensions.markdown,
  ...extensions.html,
  ...extensions.pdf,
  ...extensions.feed,
  ...extensions.jsonl,
].join(' ');

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const codes = (s: string) => [...s].map((c) => c.charCodeAt(0));

const images = 'Puente reads no images; for a scanned page, run OCR (e.g. tesseract) and ingest its text';
const compressed = 'decompress it (e.g. gunzip -k FILE) and ingest what it holds: Puente never decompresses';
const archives =
  'unpack an archive and ingest its files; save a Word, spreadsheet or e-book document as PDF or plain text';
const notDocument = 'it is not a document: leave it out of the batch';

// Binary formats often misnamed as documents, by their magic bytes: what they are and what to do with them.
const binaryKinds: { magic: number[]; at?: number; what: string; hint: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', hint: images },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image', hint: images },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', hint: images },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image', hint: images },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image', hint: images },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (.docx, .xlsx, .odt and .epub documents are ZIP archives too)',
    hint: archives,
  },
  { magic: [0x1f, 0x8b], what: 'gzip-compressed data', hint: compressed },
  { magic: [0x42, 0x5a, 0x68], what: 'bzip2-compressed data', hint: compressed },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed data', hint: compressed },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed data', hint: compressed },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive', hint: archives },
  { magic: codes('Rar!\x1a\x07'), what: 'a RAR archive', hint: archives },
  { magic: codes('ustar'), at: 257, what: 'a tar archive', hint: archives },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'an old Microsoft Office document (.doc, .xls or .ppt)',
    hint: 'save it as PDF or plain text and ingest that',
  },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable program (ELF)', hint: notDocument },
  { magic: codes('SQLite format 3\0'), what: 'an SQLite database', hint: notDocument },
];

const magicKind = (bytes: Uint8Array) =>
  binaryKinds.find(({ magic, at }) => startsWith(bytes, magic, at ?? 0)) ?? null;

/**
 * What binary bytes are (a PNG image, gzip-compressed data, or binary data with the evidence that it is not text)
 * and what to do with them, for the message that refuses them.
 */
export function describeBinary(bytes: Uint8Array): { what: string; detail: string | null; hint: string } {
  const kind = magicKind(bytes);
  if (kind) return { what: kind.what, detail: null, hint: kind.hint };
  return {
    what: 'binary data',
    detail: binaryEvidence(bytes),
    hint: `${notTextHint}; if it is text, find its encoding (file -i FILE) and convert it to UTF-8 (iconv)`,
  };
}

// File types a folder scan passes over, by extension, with what to do to read them.
const skippedKinds: { what: string; extensions: string[]; hint: string | null }[] = [
  {
    what: 'archive',
    extensions: ['.zip', '.tgz', '.tar', '.7z', '.rar', '.jar'],
    hint: 'unpack it and ingest its files',
  },
  {
    what: 'compressed file',
    extensions: ['.gz', '.bz2', '.xz', '.zst'],
    hint: 'decompress it and ingest what it holds',
  },
  {
    what: 'image',
    extensions: ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp', '.tif', '.tiff', '.ico', '.heic', '.svg'],
    hint: images,
  },
  {
    what: 'office document',
    extensions: ['.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.odp', '.rtf', '.epub'],
    hint: 'save it as PDF or plain text to read it',
  },
  {
    what: 'audio or video file',
    extensions: ['.mp3', '.mp4', '.m4a', '.wav', '.ogg', '.flac', '.mov', '.avi', '.mkv', '.webm'],
    hint: null,
  },
  {
    what: 'program or binary data',
    extensions: ['.exe', '.dll', '.so', '.dylib', '.o', '.a', '.class', '.wasm', '.pyc', '.bin'],
    hint: null,
  },
  { what: 'database', extensions: ['.db', '.sqlite', '.sqlite3'], hint: null },
];

/**
 * Why a folder scan does not read a file of this name (only `readable` names are read): the kind of file its
 * extension names, and what to do to read it.
 */
export function unreadType(name: string): { reason: string; hint: string | null } {
  const ext = extname(name).toLowerCase();
  const kind = skippedKinds.find((k) => k.extensions.includes(ext));
  if (kind)
    return { reason: `a ${ext} ${kind.what}, not a document type folder scans read`, hint: kind.hint };
  return {
    reason: `${ext ? `a ${ext} file` : 'a file without an extension'}, not a type folder scans read (they read ${readableList})`,
    hint: 'rename it .txt if it is plain text',
  };
}

/** The first KiB-or-so of a file as text, good enough to see markup in (ASCII survives every decoding tried). */
export function headText(bytes: Uint8Array, length = 4096): string {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    return new TextDecoder(utf16.encoding).decode(bytes.subarray(utf16.length, utf16.length + length * 2));
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return decodeWindows1252(bytes.subarray(bom, length));
}

/** The name of an XML document's root element, past the prolog (declaration, comments, doctype), or null. */
export function xmlRoot(head: string): string | null {
  let rest = head.replace(/^\s+/, '');
  for (;;) {
    const prolog = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>)\s*/i.exec(rest);
    if (!prolog) break;
    rest = rest.slice(prolog[0].length);
  }
  return /^<([A-Za-z_][\w:.-]*)/.exec(rest)?.[1] ?? null;
}

const isJsonObjectLine = (line: string) => {
  if (!line.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
};

/**
 * Tells a document's format from its content: PDF magic bytes, an XML root of `rss`, `feed` or `rdf:RDF`, HTML
 * markup near the start, JSON Lines (every non-empty line a JSON object). The extension only breaks ties: an
 * `.html` file of loose markup is HTML, a `.jsonl` file whose first line is broken is still JSON Lines, `.md` is
 * Markdown; anything else that is text is plain text. `text` is decoded text, when the caller already has it.
 */
export function sniffFormat(uri: string, bytes: Uint8Array, text?: string): Format {
  const ext = extname(uri.replace(/[?#].*$/, '')).toLowerCase();
  const ascii = decodeWindows1252(bytes.subarray(0, 1024));
  if (ascii.includes('%PDF-')) return 'pdf';
  if (magicKind(bytes)) return 'binary';
  if (!utf16Of(bytes) && bytes.length > 0 && looksBinary(bytes)) return 'binary';
  const head = text?.slice(0, 4096) ?? headText(bytes);
  const root = xmlRoot(head);
  if (root === 'rss' || root === 'rdf:RDF') return 'rss';
  if (root === 'feed') return 'atom';
  const start = head.slice(0, 1024).toLowerCase();
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/.test(start)) return 'html';
  if (root && /^\s*<\?xml/.test(head)) return extensions.html.includes(ext) ? 'html' : 'xml';
  if (extensions.html.includes(ext) && /<[a-z!]/i.test(start)) return 'html';
  const firstLine = head.replace(/^\s+/, '').split(/\r?\n/, 1)[0] ?? '';
  if (extensions.jsonl.includes(ext) && /^[{[]/.test(firstLine)) return 'jsonl';
  if (firstLine.startsWith('{')) {
    const all = text ?? decodeBytes(bytes).text;
    const lines = all.split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length > 0 && lines.every((line) => isJsonObjectLine(line.trim()))) return 'jsonl';
  }
  if (extensions.markdown.includes(ext)) return 'markdown';
  return 'text';
}
