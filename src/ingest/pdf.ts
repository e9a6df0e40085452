import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PuenteError, unsupportedInput } from '../domain/errors.js';
import { isoDate } from './dates.js';
import { cleanLine } from './normalize.js';

/** A PDF's text: paragraphs with the page each is on, and the metadata of its information dictionary. */
export interface PdfText {
  paragraphs: { text: string; page: number }[];
  pages: number;
  title: string | null;
  author: string | null;
  createdAt: string | null;
}

// pdf.js's own data folders, read from disk (Node), never fetched: CMaps for CJK text, metrics of standard fonts.
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

// A running page number ("Página 2", "- 3 -", "Page 4 of 9") is furniture, not text.
const pageNumber =
  /^[-–—\s]*(?:(?:page|página|pág\.?|p\.)\s*)?\d{1,4}(?:\s*(?:of|de|\/)\s*\d{1,4})?[-–—\s]*$/iu;

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

// pdf.js's legacy build (the one for Node) installs core-js polyfills as it loads. Its Array.prototype.push is 2.6
// times slower than V8's (it covers a corner of the spec, arrays whose length is not writable, that no code here
// meets), and it stayed for everything after a PDF in the same thread: extraction ran up to a tenth slower.
// V8's own is put back once pdf.js has loaded.
const nativePush = Array.prototype.push;
function restorePush() {
  if (Array.prototype.push === nativePush) return;
  Object.defineProperty(Array.prototype, 'push', {
    value: nativePush,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

const isTextItem = <T>(item: T): item is T & TextItem =>
  typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;

// Rebuilds a page's lines from its text items: a new line at an end-of-line flag or a change of baseline,
// a space where two items on one line are apart.
function pageLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastEnd = 0;
  let ended = false;
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || 1;
    if (item.str !== '') {
      if (!current || ended || Math.abs(y - current.y) > Math.max(size, current.size) * 0.5) {
        if (current) lines.push(current);
        current = { text: item.str, y, size };
      } else {
        const gap = x - lastEnd;
        const spaced = /\s$/.test(current.text) || /^\s/.test(item.str);
        current.text += !spaced && gap > size * 0.15 ? ` ${item.str}` : item.str;
        current.size = Math.max(current.size, size);
      }
      lastEnd = x + item.width;
      ended = false;
    }
    if (item.hasEOL) ended = true;
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: cleanLine(l.text) })).filter((l) => l.text !== '');
}

// Joins a page's lines into paragraphs: a gap wider than about one and a half lines, or a change of font
// size, starts a new one; a word hyphenated at a line end is joined again.
function pageParagraphs(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let previous: Line | null = null;
  for (const line of lines) {
    const size = previous ? Math.max(previous.size, line.size) : line.size;
    const gap = previous ? previous.y - line.y : 0;
    const newParagraph =
      previous === null ||
      gap > size * 1.75 ||
      gap < 0 ||
      Math.abs(previous.size - line.size) > Math.min(previous.size, line.size) * 0.2;
    if (newParagraph) {
      if (current) paragraphs.push(current);
      current = line.text;
    } else if (/\p{L}-$/u.test(current) && /^\p{Ll}/u.test(line.text)) {
      current = current.slice(0, -1) + line.text;
    } else {
      current += ` ${line.text}`;
    }
    previous = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs.filter((p) => /[\p{L}\p{N}]/u.test(p) && !pageNumber.test(p));
}

const infoText = (info: unknown, key: string): string | null => {
  const value =
    typeof info === 'object' && info !== null ? (info as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.trim() ? cleanLine(value) : null;
};

/**
 * Reads a PDF's text with pdf.js (legacy build for Node): no eval, no font faces, no system fonts, nothing
 * fetched. Encrypted and broken files are refused with the reason and what to do; so are a PDF without text
 * and one of more than `maxPages` pages.
 */
export async function readPdf(bytes: Uint8Array, maxPages = Infinity): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  restorePush();
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    cMapUrl: `${join(pdfjsDir, 'cmaps')}/`,
    standardFontDataUrl: `${join(pdfjsDir, 'standard_fonts')}/`,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
    // the first document loads pdf.js's worker code, with its own polyfills
    restorePush();
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'PasswordException') {
      throw unsupportedInput(
        'encrypted PDF: it needs a password to open',
        'save a copy without a password (e.g. qpdf --decrypt --password=... IN OUT) and ingest that',
      );
    }
    throw unsupportedInput(
      `broken PDF: ${message}`,
      'check that the file opens in a PDF viewer; re-export or repair it (e.g. qpdf IN OUT)',
    );
  }
  try {
    // pdf.js finds a page by walking the page tree from its root, past every earlier page of a flat tree: reading
    // n pages costs n squared, so a PDF of too many pages is refused before its first page is read.
    if (pdf.numPages > maxPages) {
      throw new PuenteError(
        'payload_too_large',
        `PDF of ${pdf.numPages.toLocaleString('en-US')} pages, more than the limit of ${maxPages.toLocaleString('en-US')}`,
        'raise --max-pdf-pages or split the PDF',
      );
    }
    const paragraphs: PdfText['paragraphs'] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const text of pageParagraphs(pageLines(content.items.filter(isTextItem))))
        paragraphs.push({ text, page: n });
      page.cleanup();
    }
    if (paragraphs.length === 0) {
      throw unsupportedInput(
        `PDF without text (${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'} of images, e.g. a scan)`,
        'run OCR on it first (e.g. ocrmypdf IN OUT) and ingest the result',
      );
    }
    const { info } = await pdf.getMetadata().catch(() => ({ info: null }));
    return {
      paragraphs,
      pages: pdf.numPages,
      title: infoText(info, 'Title'),
      author: infoText(info, 'Author'),
      createdAt: isoDate(infoText(info, 'CreationDate')),
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'PuenteError') throw error;
    throw unsupportedInput(
      `broken PDF: ${error instanceof Error ? error.message : String(error)}`,
      'check that the file opens in a PDF viewer; re-export or repair it (e.g. qpdf IN OUT)',
    );
  } finally {
    await pdf.destroy();
  }
}
