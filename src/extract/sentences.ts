import { registeredLanguages } from './lang/index.js';
import { perLanguages, type Languages } from './lang/languages.js';
import { matchesIn } from './scan.js';
import type { Span } from './types.js';

// Abbreviations after which a period does not end a sentence, in every language.
const abbreviationsOf = perLanguages(
  (languages) => new Set(languages.union((p) => p.sentences.abbreviations)),
);

/**
 * Splits the text between `from` and `to` into sentences: a sentence ends at . ! ? (and closing quotes or
 * brackets after them) followed by white space and an upper-case letter, digit or opening quote, except after
 * abbreviations, initials and decimal points. The abbreviations are the language packs' (the shipped ones unless
 * `languages` names others).
 */
export function splitSentences(
  text: string,
  from: number,
  to: number,
  languages: Languages = registeredLanguages,
): Span[] {
  const abbreviations = abbreviationsOf(languages);
  const sentences: Span[] = [];
  let start = from;
  const end = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«(¿¡]?[\p{Lu}\p{N}])/gu;
  for (const { m, at } of matchesIn(end, text, from, to)) {
    const stop = at + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, at - 12), at))?.[1] ?? '';
      // "U.S." "St." "Mr." and single initials ("J. Smith") do not end sentences.
      if (abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    sentences.push({ start, end: stop });
    start = stop;
    while (start < to && /\s/.test(text[start] ?? '')) start++;
  }
  if (start < to) sentences.push({ start, end: to });
  return sentences.filter((s) => s.end > s.start);
}
