import { unsupportedInput } from '../domain/errors.js';
import { wellFormed } from './decode.js';
import { joinNotes, pickDate, sourceUrl } from './fields.js';
import { cleanLine } from './normalize.js';

/** One line of a JSON Lines file, read: the document's text and metadata. */
export interface JsonRecord {
  /** 1-based line number in the file */
  line: number;
  /** 1-based position among the file's non-blank lines */
  position: number;
  raw: string;
  text: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  byline: string | null;
  publisher: string | null;
  /** what was refused in the record (a date that names no day, an address that is not http or https), or null */
  note: string | null;
}

const hint =
  'each line must be one JSON object with a "text" string; optional: title, url, publishedAt, language';
const optional = ['title', 'url', 'publishedAt', 'language', 'author', 'byline', 'publisher'] as const;

// JSON escapes can write lone surrogates ("\ud800"): every string is made well-formed before it is kept.
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? wellFormed(cleanLine(v)) : null);

// One line's record, or the reason it is not one.
function record(raw: string, line: number, position: number): JsonRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `not a JSON object (${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') return o.text === undefined ? 'no "text" field' : '"text" is not a string';
  if (!/[\p{L}\p{N}]/u.test(o.text)) return '"text" is empty';
  for (const key of optional) {
    const v = o[key];
    if (v !== undefined && v !== null && typeof v !== 'string') return `"${key}" is not a string`;
  }
  const url = sourceUrl('url', text(o.url));
  const published = pickDate([['publishedAt', text(o.publishedAt)]]);
  return {
    line,
    position,
    raw,
    text: wellFormed(o.text),
    title: text(o.title),
    url: url.url,
    publishedAt: published.date,
    language:
      /^[a-z]{2,3}(?:[-_]|$)/i
        .exec(text(o.language) ?? '')?.[0]
        ?.slice(0, 2)
        .toLowerCase() ?? null,
    byline: text(o.author) ?? text(o.byline),
    publisher: text(o.publisher),
    note: joinNotes(url.note, published.note),
  };
}

/**
 * Reads JSON Lines: one JSON object per line with `text` (required), `title`, `url` (http or https),
 * `publishedAt` (YYYY-MM-DD or a full ISO time) and `language` (ISO 639-1); `author` and `publisher` are kept
 * too; a `url` or `publishedAt` that fails is left out with a note. Blank
 * lines are skipped; a broken line is a failure naming its line number, and the other lines are still read.
 */
export function readJsonLines(content: string): {
  records: JsonRecord[];
  failures: { where: string; item: number; message: string; hint: string }[];
} {
  const records: JsonRecord[] = [];
  const failures: { where: string; item: number; message: string; hint: string }[] = [];
  const lines = content.replace(/^\ufeff/, '').split(/\r?\n/);
  let position = 0;
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    position++;
    const r = record(raw.trim(), i + 1, position);
    if (typeof r === 'string') failures.push({ where: `line ${i + 1}`, item: position, message: r, hint });
    else records.push(r);
  });
  if (records.length === 0 && failures.length > 1) {
    // A pretty-printed JSON document fails on every line: say what it is instead.
    let whole: boolean;
    try {
      JSON.parse(content);
      whole = true;
    } catch {
      whole = false;
    }
    if (whole) {
      throw unsupportedInput(
        'a JSON document spread over several lines, not JSON Lines',
        'write one JSON object per line, e.g. jq -c ".[]" FILE > FILE.jsonl',
      );
    }
  }
  return { records, failures };
}
