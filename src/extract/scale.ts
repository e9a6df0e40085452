// Scale words after a number, longest first. Spanish "billón" is 10^12; Portuguese (Brazil) "bilhão" is 10^9.
const scales: [string, number][] = [
  ['mil millones', 1e9],
  ['mil milhões', 1e9],
  ['trillions', 1e12],
  ['trillion', 1e12],
  ['billions', 1e9],
  ['billion', 1e9],
  ['millions', 1e6],
  ['million', 1e6],
  ['thousand', 1e3],
  ['billones', 1e12],
  ['billón', 1e12],
  ['millones', 1e6],
  ['millón', 1e6],
  ['trilhões', 1e12],
  ['trilhão', 1e12],
  ['bilhões', 1e9],
  ['bilhão', 1e9],
  ['milhões', 1e6],
  ['milhão', 1e6],
  ['mil', 1e3],
  ['bln', 1e9],
  ['mln', 1e6],
  ['tn', 1e12],
  ['bn', 1e9],
  ['mn', 1e6],
  ['bi', 1e9],
  ['mi', 1e6],
];
// Single letters count only when glued to the number: "$5m", "$1.2b", "$300k".
const gluedScales: [string, number][] = [
  ['m', 1e6],
  ['b', 1e9],
  ['k', 1e3],
];

/** Escapes text for use inside a regular expression. */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An alternation of phrases, longest first, with spaces matching any white space. */
export const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegex(w).replace(/ /g, '\\s+'))
    .join('|');

/** The regex source of an optional scale after a number (spaced words, or a glued letter). */
export const scaleSource = String.raw`(?:(?:\s*|-)(?:${alternation(scales.map(([w]) => w))})(?![\p{L}\p{N}])|(?:${alternation(gluedScales.map(([w]) => w))})(?![\p{L}\p{N}]))`;

/** The multiplier of a scale word as matched (white space and case ignored), or 1. */
export function scaleValue(said: string | undefined): number {
  if (!said) return 1;
  const norm = said.trim().replace(/^-/, '').replace(/\s+/g, ' ').toLowerCase();
  return [...scales, ...gluedScales].find(([w]) => w === norm)?.[1] ?? 1;
}

/** Whether a scale word is Spanish or Portuguese, which tells how the number before it is written. */
export const isRomanceScale = (said: string | undefined) =>
  !!said && /ll[oó]n|lh[õã]|^\s*mil\b|^\s*bi$|^\s*mi$/iu.test(said.trim());
