import { extname } from 'node:path';
import { byteOrderMark, looksBinary } from './decode.js';
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

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

// Binary formats often misnamed as documents: images, archives (docx, xlsx, epub are zip), executables.
const binaryMagic = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x50, 0x4b, 0x03, 0x04],
  [0x1f, 0x8b],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xd0, 0xcf, 0x11, 0xe0],
];

/** The first KiB-or-so of a file as text, good enough to see markup in (ASCII survives every decoding tried). */
export function headText(bytes: Uint8Array, length = 4096): string {
  const bom = byteOrderMark(bytes);
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') {
    return new TextDecoder(bom.encoding).decode(bytes.subarray(2, 2 + length * 2));
  }
  return decodeWindows1252(bytes.subarray(bom?.length ?? 0, length));
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
  if (binaryMagic.some((magic) => startsWith(bytes, magic))) return 'binary';
  const bom = byteOrderMark(bytes);
  const utf16 = bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be';
  if (!utf16 && bytes.length > 0 && looksBinary(bytes)) return 'binary';
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
    const all = text ?? new TextDecoder('utf-8').decode(bytes);
    const lines = all.split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length > 0 && lines.every((line) => isJsonObjectLine(line.trim()))) return 'jsonl';
  }
  if (extensions.markdown.includes(ext)) return 'markdown';
  return 'text';
}
