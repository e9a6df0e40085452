import { createHash } from 'node:crypto';
import type { Paragraph } from '../domain/source.js';

/** A normalized text and its paragraphs, with repeats marked. */
export interface NormalizedText {
  text: string;
  paragraphs: Paragraph[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Unicode NFC, one kind of line break, no control characters, and runs of spaces folded into one. */
export function cleanLine(line: string): string {
  return (
    line
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\ufeff]/g, '')
      .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000 ]+/g, ' ')
      .trim()
  );
}

// A line that starts a new paragraph even without a blank line before it (Markdown headings, lists, quotes).
const blockStart = /^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?)/;
// A line that ends a sentence, so the next line is a new paragraph in one-paragraph-per-line texts.
const sentenceEnd = /[.!?:;"”»)\]]$/;

/**
 * Splits text into paragraphs. A text with no blank line has one paragraph per line (as news copy is often
 * pasted); otherwise blank lines separate paragraphs and the hard-wrapped lines of one paragraph are joined.
 */
export function splitParagraphs(raw: string): string[] {
  const lines = raw.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
  const hasBlankLine = lines.some((line, i) => i > 0 && i < lines.length - 1 && cleanLine(line) === '');
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const rawLine of lines) {
    const line = cleanLine(rawLine);
    if (line === '') {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    if (!hasBlankLine || blockStart.test(line) || (previous !== undefined && sentenceEnd.test(previous)))
      flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

/**
 * Joins paragraphs into the normalized text (blank line between them) and marks repeated paragraphs.
 * `pages` gives each paragraph's page (PDF), else every paragraph's page is null.
 */
export function buildText(paragraphTexts: string[], pages: (number | null)[] = []): NormalizedText {
  const paragraphs: Paragraph[] = [];
  const firstByHash = new Map<string, number>();
  let text = '';
  paragraphTexts.forEach((body, index) => {
    if (index > 0) text += '\n\n';
    const start = text.length;
    text += body;
    const hash = sha256(body);
    const earlier = firstByHash.get(hash);
    if (earlier === undefined) firstByHash.set(hash, index);
    paragraphs.push({
      index,
      start,
      end: text.length,
      hash,
      duplicateOf: earlier ?? null,
      page: pages[index] ?? null,
    });
  });
  return { text, paragraphs };
}
