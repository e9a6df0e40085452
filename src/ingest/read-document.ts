import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { unsupportedInput } from '../domain/errors.js';
import { decodeLenient, decodeText } from './decode.js';
import { detectLanguage } from './language.js';
import { markdownTitle, readFrontMatter, stripInlineMarkdown, type FrontMatter } from './markdown.js';
import { buildText, splitParagraphs, type NormalizedText } from './normalize.js';

/** A document read and normalized, ready to be extracted and stored. */
export interface ReadDocument extends NormalizedText {
  uri: string;
  contentHash: string;
  mediaType: 'text/plain' | 'text/markdown';
  byteSize: number;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  language: string | null;
  publishedAt: string | null;
}

const markdownExtensions = new Set(['.md', '.markdown']);
const textExtensions = new Set(['.txt', '.text']);
const bylinePattern = /^(?:By|Por|De|Texto de|Reporting by)\s+\p{Lu}[\p{L}.'’ -]{1,60}$/u;

/** Whether the reader takes files with this name (by extension; content is checked when read). */
export const readable = (path: string) => {
  const ext = extname(path).toLowerCase();
  return markdownExtensions.has(ext) || textExtensions.has(ext);
};

/** How strict reading is: `lenient` reads any bytes (empty, binary, legacy encodings) instead of refusing them. */
export interface ReadOptions {
  lenient?: boolean;
}

/** Reads a plain-text or Markdown document from its bytes: decode, normalize, split paragraphs, find metadata. */
export function readDocument(uri: string, bytes: Uint8Array, options: ReadOptions = {}): ReadDocument {
  const ext = extname(uri).toLowerCase();
  if (!readable(uri) && !options.lenient) {
    throw unsupportedInput(`unsupported file type "${ext}"`, 'ingest takes .txt and .md files for now');
  }
  const decoded = options.lenient ? decodeLenient(bytes) : decodeText(bytes);
  const isMarkdown = markdownExtensions.has(ext);
  // Only Markdown has front matter; in plain text, lines of dashes are just text.
  const { meta, body } = isMarkdown ? readFrontMatter(decoded) : { meta: {} as FrontMatter, body: decoded };
  // A paragraph with no letter or digit is markup or decoration ("***", "- "), not text.
  const paragraphs = splitParagraphs(body)
    .map((p) => (isMarkdown ? stripInlineMarkdown(p).trim() : p))
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (paragraphs.length === 0 && !options.lenient) {
    throw unsupportedInput(
      'no text: the file holds only markup, punctuation or front matter',
      'remove it from the batch',
    );
  }
  const normalized = buildText(paragraphs);
  const first = paragraphs[0] ?? '';
  const byline = meta.byline ?? paragraphs.slice(0, 3).find((p) => bylinePattern.test(p)) ?? null;
  return {
    ...normalized,
    uri,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    mediaType: isMarkdown ? 'text/markdown' : 'text/plain',
    byteSize: bytes.length,
    title:
      meta.title ?? (isMarkdown ? markdownTitle(body) : null) ?? plainTitle(first, paragraphs.length, byline),
    byline: byline?.replace(/^(?:By|Por|De|Texto de|Reporting by)\s+/u, '') ?? null,
    publisher: meta.publisher ?? null,
    language: meta.language ?? detectLanguage(normalized.text),
    publishedAt: isoDate(meta.publishedAt),
  };
}

// A short first line without closing punctuation, followed by more text, is a headline.
function plainTitle(first: string, count: number, byline: string | null): string | null {
  if (count < 2 || first === byline || first.length > 160 || /[.!?:;,]$/.test(first)) return null;
  return first;
}

function isoDate(value: string | undefined): string | null {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  return m?.[1] ?? null;
}
