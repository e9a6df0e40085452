import { perLanguages, type Languages } from './lang/languages.js';

/** The number words of a language (for building patterns); every language's when it has no pack or is null. */
export function numberWords(languages: Languages, lang: string | null): string[] {
  return languages
    .reading(lang)
    .flatMap((p) => [...Object.keys(p.numbers.units), ...Object.keys(p.numbers.multipliers)]);
}

// Joiners and one-articles count in every language's number words ("a million", "vinte e cinco").
const shared = perLanguages((languages) => ({
  joiners: new Set(languages.union((p) => p.numbers.joiners)),
  one: new Set(languages.union((p) => p.numbers.one)),
}));

/**
 * The value of a spelled-out number in a language: "seven", "twenty-five", "a million", "cinco mil",
 * "dos millones", "three hundred thousand". A word counts as a number only in a document of its language ("once"
 * is 11 in es); every language's words count where the language has no pack. Returns null when the words are
 * not a number of that language.
 */
export function wordNumberValue(languages: Languages, phrase: string, lang: string | null): number | null {
  const { joiners, one } = shared(languages);
  for (const pack of languages.reading(lang)) {
    const value = valueIn(phrase, pack.numbers.units, pack.numbers.multipliers, joiners, one);
    if (value !== null) return value;
  }
  return null;
}

function valueIn(
  phrase: string,
  unitWords: Record<string, number>,
  multiplierWords: Record<string, number>,
  joiners: Set<string>,
  one: Set<string>,
) {
  const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, word] of words.entries()) {
    if (i === 0 && one.has(word)) {
      current = 1;
      continue;
    }
    if (joiners.has(word) && seen) continue;
    const unit = unitWords[word];
    const multiplier = multiplierWords[word];
    if (unit !== undefined) current += unit;
    else if (multiplier === 100) current = (current || 1) * 100;
    else if (multiplier !== undefined) {
      total += (current || 1) * multiplier;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}
