import { perLanguages, type Languages } from './lang/languages.js';
import type { CountWords } from './lang/pack.js';
import type { Span } from './types.js';

// The words of counted nouns in every language: a count reads the same whatever the document's language.
const countsOf = perLanguages((languages) => {
  const words = (pick: (c: CountWords) => readonly string[]) => languages.union((p) => pick(p.counts));
  const points = words((c) => c.points).join('|');
  const pointsOf = words((c) => c.pointsOf).join('|') || '(?!)';
  return {
    stopWords: new Set(words((c) => c.stopWords)),
    // Nouns that count time, money or units: handled elsewhere or not a count of things.
    notCounted: new RegExp(`^(?:${words((c) => c.notCounted).join('|')})$`, 'iu'),
    // "points" count percentage points ("5 puntos porcentuales"), not things; "100 pontos de recarga" are things.
    percentagePoints: new RegExp(
      String.raw`^(?:${points})\s+(?:${words((c) => c.pointKinds).join('|')})\b|^(?:${points})(?!\s+(?:${pointsOf})\s+\p{L})`,
      'iu',
    ),
    joiners: new Set(words((c) => c.joiners)),
    irregularPlurals: new Set(words((c) => c.irregularPlurals)),
    plural: new RegExp(`(?:${words((c) => c.pluralEndings).join('|')})$`, 'u'),
    singular: new RegExp(`(?:${words((c) => c.singularEndings).join('|')})$`, 'u'),
    verbForm: new RegExp(`^(?:${words((c) => c.verbForms).join('|')})$`, 'iu'),
  };
});

/** Whether the first word after a number is a verb or a particle, not a counted thing: "512 millones invertidos". */
export const isVerbForm = (languages: Languages, noun: string) =>
  countsOf(languages).verbForm.test(noun.split(/\s+/)[0] ?? '');

/** A counted noun phrase right after a number: its span and text ("infrastructure projects"). */
export interface CountedNoun extends Span {
  text: string;
}

/**
 * The noun phrase a number counts, if the words after it are one: up to four content words ending in a plural
 * noun, as in "200 infrastructure projects", "16 Latin American countries", "cinco grandes proyectos".
 * After a vague number ("dozens of") the "of"/"de" is already consumed.
 */
export function countedNoun(
  languages: Languages,
  text: string,
  from: number,
  to: number,
  afterOf = false,
): CountedNoun | null {
  const { stopWords, notCounted, percentagePoints, joiners, irregularPlurals, plural, singular } =
    countsOf(languages);
  const isPlural = (word: string) => {
    const w = word.toLowerCase();
    // "país", "mês", "gás", "autobús" end in a stressed vowel and -s: singular.
    return irregularPlurals.has(w) || (plural.test(w) && w.length > 3 && !singular.test(w));
  };
  // Look at most 120 characters ahead: a counted noun phrase is short, and a huge paragraph must stay linear.
  to = Math.min(to, from + 120);
  const gap = /^[ \u00a0]+/.exec(text.slice(from, to));
  if (!gap && !afterOf) return null;
  const word = /[\p{L}][\p{L}\p{M}'’-]*/uy;
  let at = from + (gap?.[0].length ?? 0);
  let last: { end: number } | null = null;
  for (let count = 0; count < 6 && at < to; count++) {
    word.lastIndex = at;
    const m = word.exec(text);
    if (!m || m.index + m[0].length > to) break;
    const w = m[0];
    const joiner = joiners.has(w) && count > 0 && !last;
    if (!joiner && (stopWords.has(w.toLowerCase()) || notCounted.test(w))) break;
    if (count === 0 && percentagePoints.test(text.slice(m.index, to))) break;
    if (isPlural(w) && w === w.toLowerCase()) last = { end: m.index + w.length };
    at = m.index + w.length;
    const space = /^[ \u00a0]+/.exec(text.slice(at, to));
    if (!space) break;
    at += space[0].length;
  }
  if (!last) return null;
  const start = from + (gap?.[0].length ?? 0);
  return { start, end: last.end, text: text.slice(start, last.end) };
}
