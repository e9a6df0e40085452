import { alternation } from './lang/compose.js';
import { perLanguages, type Languages } from './lang/languages.js';

/** The scale words of the language set, composed once: the pattern after a number, their values, their signs. */
const scalesOf = perLanguages((languages) => {
  // Spaced scale words; glued single letters count only when glued to the number: "$5m", "$1.2b", "$300k".
  const scales = languages.union(
    (p) => p.numbers.scales,
    ([w]) => w,
  );
  const glued = languages.union(
    (p) => p.numbers.gluedScales,
    ([w]) => w,
  );
  const signs = languages.union((p) => (p.numbers.decimalMark === ',' ? p.numbers.scaleSigns : []));
  return {
    source: String.raw`(?:(?:\s*|-)(?:${alternation(scales.map(([w]) => w))})(?![\p{L}\p{N}])|(?:${alternation(glued.map(([w]) => w))})(?![\p{L}\p{N}]))`,
    values: [...scales, ...glued],
    // Spanish "billón" is 10^12, Portuguese (Brazil) "bilhão" 10^9: a scale word is read as its own language says.
    commaSign: signs.length > 0 ? new RegExp(signs.join('|'), 'iu') : null,
  };
});

/** The regex source of an optional scale after a number (spaced words, or a glued letter). */
export const scaleSource = (languages: Languages) => scalesOf(languages).source;

/** The multiplier of a scale word as matched (white space and case ignored), or 1. */
export function scaleValue(languages: Languages, said: string | undefined): number {
  if (!said) return 1;
  const norm = said.trim().replace(/^-/, '').replace(/\s+/g, ' ').toLowerCase();
  return scalesOf(languages).values.find(([w]) => w === norm)?.[1] ?? 1;
}

/**
 * Whether a scale word (or a figure as written, "512 millones") is one of a language that writes a decimal comma
 * (Spanish, Portuguese), which tells how the number before it is written.
 */
export function isCommaScale(languages: Languages, said: string | undefined): boolean {
  const sign = scalesOf(languages).commaSign;
  return !!said && !!sign && sign.test(said.trim());
}
