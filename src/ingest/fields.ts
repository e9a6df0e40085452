// A document's own metadata that names something outside its text (its date, its address) is checked before it is
// kept: a value that fails is left out, and the document's result carries a note saying which and why.
import { readDate } from './dates.js';

// Long values are cut in notes: a document's field can be any size (a data: URL, a paragraph in a date field).
const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);

/** The note for a refused value of a document's field: which value, why, and what was done instead. */
export const refusedNote = (field: string, value: string, problem: string, done: string) =>
  `${field} ${shown(value)} refused (${problem}): ${done}`;

/** Joins a document's notes into its one note, or null when there is none. */
export const joinNotes = (...notes: (string | null | undefined)[]): string | null =>
  notes.filter((n): n is string => Boolean(n)).join('; ') || null;

/**
 * The first of a document's date fields that names a day (`[field, value]` pairs in order of preference), and a
 * note for each value before it that was refused; the document is stored without a date when none is left.
 */
export function pickDate(fields: [string, string | null | undefined][]): {
  date: string | null;
  note: string | null;
} {
  const refused: [string, string, string][] = [];
  for (const [field, value] of fields) {
    const reading = readDate(value);
    if (reading.date) {
      const note = joinNotes(...refused.map(([f, v, p]) => refusedNote(f, v, p, `${field} used instead`)));
      return { date: reading.date, note };
    }
    if (reading.problem && value) refused.push([field, value.trim(), reading.problem]);
  }
  return {
    date: null,
    note: joinNotes(...refused.map(([f, v, p]) => refusedNote(f, v, p, 'stored without a date'))),
  };
}

/** Why a value is not an address Puente keeps as a source's (only absolute http and https URLs are), or null. */
export function addressProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not an absolute http or https address';
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  return `a ${url.protocol} address: only http and https addresses are kept`;
}

/**
 * A document's own address from its metadata (a feed item's link, a JSON Lines `url`, a front-matter `url`):
 * kept when it is an absolute http or https URL (so a `javascript:` or `data:` link never becomes a link in the
 * app), else null and a note saying what names the document `instead` (by default its file's address).
 */
export function sourceUrl(
  field: string,
  value: string | null | undefined,
  instead = "the file's own address is used",
): { url: string | null; note: string | null } {
  const v = value?.trim() ?? '';
  if (v === '') return { url: null, note: null };
  const problem = addressProblem(v);
  if (!problem) return { url: v, note: null };
  return { url: null, note: refusedNote(field, v, problem, instead) };
}
