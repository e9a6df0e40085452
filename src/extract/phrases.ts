import type { Languages } from './lang/languages.js';
import { nameCuesOf } from './name-cues.js';
import type { Token } from './tokens.js';

/** A run of capitalised words (a candidate proper name), by token indices and character span. */
export interface Phrase {
  first: number;
  last: number;
  start: number;
  end: number;
  words: string[];
}

export const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const isWord = (word: string) => /^[\p{L}\p{N}]/u.test(word);

/**
 * Finds maximal runs of capitalised words in a sentence's tokens, joined by connectors, hyphens,
 * apostrophe-s inside a name ("John's Harbor"), abbreviation periods ("St.") and numbers after
 * "Line"/"Phase". A connector or joiner is kept only when a capitalised word follows it.
 */
export function findPhrases(languages: Languages, tokens: Token[]): Phrase[] {
  // Connectors join the capitalised words of one name ("Bank of China", "Lula da Silva"); an abbreviation's period
  // stays inside a name ("St. John's Harbor"); a number after "Line"/"Phase" belongs to it ("Metro Line 1").
  const { connectors, abbreviations: abbreviationsInNames, numbered } = nameCuesOf(languages);
  const phrases: Phrase[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token || !isCapitalised(token.text) || !isWord(token.text)) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1];
      const t = tokens[j];
      if (!t || !prev || t.start - prev.end > 1) break;
      const glued = t.start === prev.end;
      if (isCapitalised(t.text) && isWord(t.text)) {
        last = j;
        j++;
      } else if (/^\d+[A-Z]?$/.test(t.text) && numbered.has(prev.text)) {
        last = j;
        j++;
      } else if (glued && (t.text === '-' || t.text === '–') && isCapitalised(tokens[j + 1]?.text ?? '')) {
        j++;
      } else if (
        glued &&
        t.text === '.' &&
        abbreviationsInNames.has(prev.text) &&
        isCapitalised(tokens[j + 1]?.text ?? '')
      ) {
        j++;
      } else if (
        glued &&
        /^['’]$/.test(t.text) &&
        tokens[j + 1]?.text === 's' &&
        isCapitalised(tokens[j + 2]?.text ?? '')
      ) {
        j += 2;
      } else if (
        connectors.has(t.text) &&
        isCapitalised(tokens[j + 1]?.text ?? '') &&
        (tokens[j + 1]?.start ?? 0) - t.end === 1
      ) {
        j++;
      } else break;
    }
    const words = tokens.slice(i, last + 1).map((t) => t.text);
    const startToken = tokens[i];
    const endToken = tokens[last];
    if (startToken && endToken)
      phrases.push({ first: i, last, start: startToken.start, end: endToken.end, words });
    i = last + 1;
  }
  return phrases;
}
