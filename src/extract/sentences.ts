import { matchesIn } from './scan.js';
import type { Span } from './types.js';

// Abbreviations after which a period does not end a sentence (lower-cased, without the period).
const abbreviations = new Set([
  'st',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'gov',
  'sen',
  'rep',
  'jr',
  'sr',
  'sra',
  'srta',
  'dra',
  'lic',
  'ing',
  'no',
  'nos',
  'nº',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'av',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ene',
  'abr',
  'ago',
  'dic',
  'fev',
  'mai',
  'set',
  'out',
  'dez',
  'approx',
  'u.s',
  'u.k',
  'e.g',
  'i.e',
  'p.r',
  'art',
  'fig',
  'vol',
  'op',
  'cf',
]);

/**
 * Splits the text between `from` and `to` into sentences: a sentence ends at . ! ? (and closing quotes or
 * brackets after them) followed by white space and an upper-case letter, digit or opening quote, except after
 * abbreviations, initials and decimal points.
 */
export function splitSentences(text: string, from: number, to: number): Span[] {
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
