import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { PuenteError, unsupportedInput } from '../domain/errors.js';
import { decodeLenient, decodeText, wellFormed, type Decoded } from './decode.js';
import { joinNotes, pickDate, sourceUrl } from './fields.js';
import { readFeed } from './feed.js';
import { declaredHtmlCharset, readHtml } from './html.js';
import { readJsonLines } from './jsonl.js';
import { detectLanguage } from './language.js';
import { markdownTitle, readFrontMatter, stripInlineMarkdown, type FrontMatter } from './markdown.js';
import { buildText, splitParagraphs, type NormalizedText } from './normalize.js';
import { readPdf } from './pdf.js';
import { describeBinary, extensions, headText, sniffFormat, xmlRoot, type Format } from './sniff.js';

export { readable } from './sniff.js';

/** The media types of the documents Puente reads. */
export type MediaType =
  | 'text/plain'
  | 'text/markdown'
  | 'text/html'
  | 'application/pdf'
  | 'application/rss+xml'
  | 'application/atom+xml'
  | 'application/x-ndjson'
  /** a record of a dataset (one CSV row), imported by `puente import` */
  | 'text/csv';

/** A document read and normalized, ready to be extracted and stored. */
export interface ReadDocument extends NormalizedText {
  uri: string;
  contentHash: string;
  mediaType: MediaType;
  byteSize: number;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  language: string | null;
  publishedAt: string | null;
  /** the text encoding the bytes were read in (utf-8, utf-16le, windows-1252...), null for PDF */
  encoding: string | null;
  /** what reading noticed and worked around (a charset label the bytes contradict), or null */
  note: string | null;
  /** where in the file the document is ("item 2" of a feed, "line 3" of JSON Lines), null for a whole file */
  where: string | null;
  /** the document's 1-based position among the items of a feed or the records of JSON Lines, else null */
  item: number | null;
}

/** An item of a file that could not be read: where in the file, what was wrong, what to do. */
export interface ReadFailure {
  where: string;
  /** the 1-based position of the failed item, as `ReadDocument.item` counts */
  item?: number;
  message: string;
  hint?: string;
}

/** Every document a file holds (a feed or JSON Lines file holds several), and the items that failed. */
export interface ReadResult {
  documents: ReadDocument[];
  failures: ReadFailure[];
}

/** How strict reading is: `lenient` reads any bytes (empty, binary, legacy encodings) instead of refusing them. */
export interface ReadOptions {
  lenient?: boolean;
  /** a PDF with more pages is refused before its pages are read */
  maxPdfPages?: number;
}

const bylinePattern = /^(?:By|Por|De|Texto de|Reporting by)\s+\p{Lu}[\p{L}.'’ -]{1,60}$/u;
const formats =
  'ingest takes plain text, Markdown, HTML, PDF, RSS/Atom feeds and JSON Lines (.txt .md .html .pdf .xml .jsonl)';
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const hasText = (p: string) => /[\p{L}\p{N}]/u.test(p);

// What a file's name says it holds, by its extension, for messages (null: a name that claims no format).
function claimedFormat(ext: string): string | null {
  if (extensions.pdf.includes(ext)) return 'a PDF';
  if (extensions.html.includes(ext)) return 'HTML';
  if (extensions.feed.includes(ext)) return 'an RSS or Atom feed';
  if (extensions.jsonl.includes(ext)) return 'JSON Lines';
  if (extensions.markdown.includes(ext)) return 'Markdown';
  if (extensions.text.includes(ext)) return 'plain text';
  return null;
}

const images = 'Puente reads no images; for a scanned page, run OCR (e.g. tesseract) and ingest its text';

// The refusal of binary content: what it is, against what the name says.
function binaryRefusal(ext: string, bytes: Uint8Array): PuenteError {
  const { what, detail, hint } = describeBinary(bytes);
  const claimed = claimedFormat(ext);
  const more = detail ? ` (${detail})` : '';
  return unsupportedInput(
    claimed
      ? `binary file: named ${ext} but holds ${what}, not ${claimed}${more}`
      : `binary file: ${what}, not a document Puente reads${more}`,
    hint,
  );
}

// The refusal of XML that is not a feed (an SVG image, a sitemap, a configuration file).
function xmlRefusal(ext: string, root: string | null): PuenteError {
  if (root?.toLowerCase() === 'svg') {
    return unsupportedInput('an SVG image (XML whose root is <svg>), not a document Puente reads', images);
  }
  const named = ext && !extensions.feed.includes(ext) ? ` (named ${ext})` : '';
  return unsupportedInput(
    `XML whose root is <${root ?? '?'}>, not an RSS or Atom feed${named}`,
    'ingest reads RSS 2.0, RSS 1.0 and Atom feeds; save the text of other XML as .txt to read it',
  );
}

// The refusal of text whose name says another format (or no format): what the content is and how to read it.
function misnamedText(ext: string): PuenteError {
  const rename = 'rename it .txt to read it as plain text';
  if (!ext) {
    return unsupportedInput(
      'no file name extension to say what it is; its content is plain text',
      'name it .txt to read it as plain text',
    );
  }
  if (extensions.jsonl.includes(ext)) {
    return unsupportedInput(
      `named ${ext} but holds plain text, not JSON Lines (its first line is not a JSON object)`,
      `${rename}, or write one JSON object per line`,
    );
  }
  if (extensions.html.includes(ext)) {
    return unsupportedInput(`named ${ext} but holds plain text without HTML markup`, rename);
  }
  const claimed = claimedFormat(ext);
  if (claimed) return unsupportedInput(`named ${ext} but holds plain text, not ${claimed}`, rename);
  return unsupportedInput(
    `named ${ext}, a type ingest does not read, but its content is plain text`,
    `${rename}; ${formats}`,
  );
}

// The format to read a file as, or a refusal naming what the content is and what to do.
function formatOf(uri: string, bytes: Uint8Array, options: ReadOptions): Format {
  const format = sniffFormat(uri, bytes);
  const ext = extname(uri).toLowerCase();
  if (options.lenient) return format === 'binary' || format === 'xml' ? 'text' : format;
  if (format === 'binary') throw binaryRefusal(ext, bytes);
  if (format === 'xml') throw xmlRefusal(ext, xmlRoot(headText(bytes)));
  const textual = [...extensions.text, ...extensions.markdown];
  if ((format === 'text' || format === 'markdown') && !textual.includes(ext)) {
    // Markup without an XML declaration is still XML (an SVG image, an .xml file of another kind).
    const root = xmlRoot(headText(bytes));
    if (root) throw xmlRefusal(ext, root);
    throw misnamedText(ext);
  }
  return format;
}

const decode = (bytes: Uint8Array, declared: string | null, options: ReadOptions): Decoded =>
  options.lenient ? decodeLenient(bytes, declared) : decodeText(bytes, declared);

function noText(options: ReadOptions, what: string) {
  if (!options.lenient) throw unsupportedInput(`no text: ${what}`, 'remove it from the batch');
}

// A headline leads the text (news headlines often state the main figure), unless the text already starts with it.
const withTitle = (title: string | null, paragraphs: string[]) =>
  title && paragraphs[0] !== title && hasText(title) ? [title, ...paragraphs] : paragraphs;

/**
 * Reads a plain-text or Markdown document: decode, front matter (its `url`, when http or https, is the source's
 * address), paragraphs, byline and title.
 */
function readText(uri: string, bytes: Uint8Array, markdown: boolean, options: ReadOptions): ReadDocument {
  const decoded =
    bytes.length === 0 && options.lenient
      ? { text: '', encoding: 'utf-8', note: null }
      : decode(bytes, null, options);
  // Only Markdown has front matter; in plain text, lines of dashes are just text.
  const { meta, body } = markdown
    ? readFrontMatter(decoded.text)
    : { meta: {} as FrontMatter, body: decoded.text };
  // A paragraph with no letter or digit is markup or decoration ("***", "- "), not text.
  const paragraphs = splitParagraphs(body)
    .map((p) => (markdown ? stripInlineMarkdown(p).trim() : p))
    .filter(hasText);
  if (paragraphs.length === 0) noText(options, 'the file holds only markup, punctuation or front matter');
  const normalized = buildText(paragraphs);
  const first = paragraphs[0] ?? '';
  const byline = meta.byline ?? paragraphs.slice(0, 3).find((p) => bylinePattern.test(p)) ?? null;
  const address = sourceUrl('url', meta.url);
  const published = pickDate([['date', meta.publishedAt]]);
  return {
    ...normalized,
    uri: address.url ?? uri,
    contentHash: sha256(bytes),
    mediaType: markdown ? 'text/markdown' : 'text/plain',
    byteSize: bytes.length,
    title:
      meta.title ?? (markdown ? markdownTitle(body) : null) ?? plainTitle(first, paragraphs.length, byline),
    byline: byline?.replace(/^(?:By|Por|De|Texto de|Reporting by)\s+/u, '') ?? null,
    publisher: meta.publisher ?? null,
    language: meta.language ?? detectLanguage(normalized.text),
    publishedAt: published.date,
    encoding: decoded.encoding,
    note: joinNotes(decoded.note, address.note, published.note),
    where: null,
    item: null,
  };
}

/** Reads an HTML page: its charset (the bytes' evidence first), the article's paragraphs and its metadata. */
function readHtmlDocument(uri: string, bytes: Uint8Array, options: ReadOptions): ReadDocument {
  const decoded = decode(bytes, declaredHtmlCharset(headText(bytes)), options);
  const page = readHtml(decoded.text);
  const paragraphs = withTitle(page.title, page.paragraphs);
  if (page.paragraphs.length === 0) noText(options, 'the HTML page has no readable text');
  const normalized = buildText(paragraphs);
  return {
    ...normalized,
    uri,
    contentHash: sha256(bytes),
    mediaType: 'text/html',
    byteSize: bytes.length,
    title: page.title,
    byline: page.byline,
    publisher: page.publisher,
    language: page.language ?? detectLanguage(normalized.text),
    publishedAt: page.publishedAt,
    encoding: decoded.encoding,
    note: decoded.note,
    where: null,
    item: null,
  };
}

/** Reads a feed: one document per item, identified by the item's own content; an empty item is a failure. */
function readFeedDocuments(uri: string, bytes: Uint8Array, options: ReadOptions): ReadResult {
  const head = headText(bytes);
  const declared = /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ?? null;
  const decoded = decode(bytes, declared, options);
  const feed = readFeed(decoded.text);
  const result: ReadResult = { documents: [], failures: [] };
  if (feed.items.length === 0) result.failures.push({ where: 'feed', message: 'the feed has no items' });
  for (const item of feed.items) {
    const paragraphs = withTitle(item.title, item.paragraphs);
    if (paragraphs.length === 0) {
      result.failures.push({
        where: `item ${item.position}`,
        item: item.position,
        message: 'the item has neither a title nor text',
        hint: 'nothing to read in it; the other items were read',
      });
      continue;
    }
    const normalized = buildText(paragraphs);
    result.documents.push({
      ...normalized,
      uri: item.link ?? `${uri}#item-${item.position}`,
      contentHash: sha256(item.raw),
      mediaType: feed.kind === 'atom' ? 'application/atom+xml' : 'application/rss+xml',
      byteSize: Buffer.byteLength(item.raw),
      title: item.title,
      byline: item.byline,
      publisher: feed.title,
      // Feeds often mix languages: the item's own text first, the feed's declared language when it is too short.
      language: detectLanguage(normalized.text) ?? feed.language,
      publishedAt: item.publishedAt,
      encoding: decoded.encoding,
      note: joinNotes(decoded.note, item.note),
      where: `item ${item.position}`,
      item: item.position,
    });
  }
  return result;
}

/** Reads a JSON Lines file: one document per line; a broken line is a failure naming its line number. */
function readJsonLinesDocuments(uri: string, bytes: Uint8Array, options: ReadOptions): ReadResult {
  const decoded = decode(bytes, null, options);
  const { records, failures } = readJsonLines(decoded.text);
  return {
    failures,
    documents: records.map((r) => {
      const paragraphs = splitParagraphs(r.text).filter(hasText);
      const normalized = buildText(paragraphs);
      return {
        ...normalized,
        uri: r.url ?? `${uri}#line-${r.line}`,
        contentHash: sha256(r.raw),
        mediaType: 'application/x-ndjson',
        byteSize: Buffer.byteLength(r.raw),
        title: r.title,
        byline: r.byline,
        publisher: r.publisher,
        language: r.language ?? detectLanguage(normalized.text),
        publishedAt: r.publishedAt,
        encoding: decoded.encoding,
        note: joinNotes(decoded.note, r.note),
        where: `line ${r.line}`,
        item: r.position,
      };
    }),
  };
}

/** Reads a PDF: paragraphs with their page numbers, title and author from its information dictionary. */
async function readPdfDocument(uri: string, bytes: Uint8Array, maxPages?: number): Promise<ReadDocument> {
  const pdf = await readPdf(bytes, maxPages);
  const texts = pdf.paragraphs.map((p) => p.text);
  const normalized = buildText(
    texts,
    pdf.paragraphs.map((p) => p.page),
  );
  const first = texts[0] ?? '';
  return {
    ...normalized,
    uri,
    contentHash: sha256(bytes),
    mediaType: 'application/pdf',
    byteSize: bytes.length,
    title: pdf.title ?? (first.length <= 160 && !/[.;,]$/.test(first) && texts.length > 1 ? first : null),
    byline: pdf.author,
    publisher: null,
    language: detectLanguage(normalized.text),
    publishedAt: pdf.createdAt,
    encoding: null,
    note: null,
    where: null,
    item: null,
  };
}

// Every format but PDF reads synchronously.
function readSync(
  uri: string,
  bytes: Uint8Array,
  format: Exclude<Format, 'pdf'>,
  options: ReadOptions,
): ReadResult {
  const one = (doc: ReadDocument): ReadResult => ({ documents: [doc], failures: [] });
  const items = (read: () => ReadResult): ReadResult => {
    if (!options.lenient) return read();
    // Lenient reading answers every input: a feed or JSON Lines file that yields nothing is read as text.
    let result: ReadResult | null;
    try {
      result = read();
    } catch {
      result = null;
    }
    return result && result.documents.length > 0 ? result : one(readText(uri, bytes, false, options));
  };
  switch (format) {
    case 'html':
      return one(readHtmlDocument(uri, bytes, options));
    case 'rss':
    case 'atom':
      return items(() => readFeedDocuments(uri, bytes, options));
    case 'jsonl':
      return items(() => readJsonLinesDocuments(uri, bytes, options));
    default:
      return one(readText(uri, bytes, format === 'markdown', options));
  }
}

/**
 * Reads every document a file holds, its format told from its content (the extension only breaks ties):
 * plain text, Markdown, HTML, PDF, an RSS/Atom feed (one document per item) or JSON Lines (one per line).
 * A whole-file problem (binary, encrypted PDF, entity declarations) throws a PuenteError; a bad item of a
 * feed or line of JSON Lines is a failure in the result and the other items are still read.
 */
export async function readDocuments(
  uri: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const format = formatOf(uri, bytes, options);
  const read =
    format === 'pdf'
      ? { documents: [await readPdfDocument(uri, bytes, options.maxPdfPages)], failures: [] }
      : readSync(uri, bytes, format, options);
  return { ...read, documents: read.documents.map(wellFormedDocument) };
}

/**
 * Reads the first document of a file, synchronously: every format but PDF (use `readDocuments` for PDF and
 * for the other items of a feed or JSON Lines file).
 */
export function readDocument(uri: string, bytes: Uint8Array, options: ReadOptions = {}): ReadDocument {
  const format = formatOf(uri, bytes, options);
  if (format === 'pdf') {
    throw new PuenteError(
      'unsupported_input',
      'PDF is read asynchronously',
      'use readDocuments for PDF files',
    );
  }
  const { documents, failures } = readSync(uri, bytes, format, options);
  const [first] = documents;
  if (first) return wellFormedDocument(first);
  const failure = failures[0];
  throw unsupportedInput(
    failure ? `${failure.where}: ${failure.message}` : 'no document in the file',
    failure?.hint,
  );
}

// No reader hands on a lone surrogate (a JSON escape or a character reference in HTML or a PDF can make one): it
// would be stored as invalid UTF-8. U+FFFD takes its place, one code unit for one, so no offset moves.
function wellFormedDocument(doc: ReadDocument): ReadDocument {
  const keep = (v: string | null) => (v === null ? null : wellFormed(v));
  return {
    ...doc,
    uri: wellFormed(doc.uri),
    text: wellFormed(doc.text),
    title: keep(doc.title),
    byline: keep(doc.byline),
    publisher: keep(doc.publisher),
    language: keep(doc.language),
    note: keep(doc.note),
  };
}

// A short first line without closing punctuation, followed by more text, is a headline.
function plainTitle(first: string, count: number, byline: string | null): string | null {
  if (count < 2 || first === byline || first.length > 160 || /[.!?:;,]$/.test(first)) return null;
  return first;
}
