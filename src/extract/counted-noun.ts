import type { Span } from './types.js';

// Words that end a noun phrase or cannot be part of one after a number.
const stopWords = new Set([
  // English
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'by',
  'from',
  'and',
  'or',
  'but',
  'as',
  'than',
  'that',
  'which',
  'who',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'this',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
  'per',
  'each',
  'more',
  'less',
  'over',
  'under',
  'into',
  'across',
  'about',
  'since',
  'until',
  'after',
  'before',
  'during',
  'between',
  'among',
  'while',
  'when',
  'where',
  'also',
  'not',
  'only',
  'plus',
  'thus',
  'always',
  'perhaps',
  'besides',
  'does',
  'goes',
  'makes',
  'takes',
  'times',
  'percent',
  'cent',
  'yes',
  'us',
  'is',
  // Spanish
  'el',
  'la',
  'los',
  'las',
  'un',
  'una',
  'unos',
  'unas',
  'de',
  'del',
  'en',
  'con',
  'por',
  'para',
  'y',
  'o',
  'que',
  'se',
  'su',
  'sus',
  'al',
  'es',
  'son',
  'fue',
  'han',
  'ha',
  'más',
  'menos',
  'entre',
  'sobre',
  'como',
  'desde',
  'hasta',
  'veces',
  'según',
  'sin',
  'ya',
  'lo',
  'les',
  'nos',
  'mis',
  'tus',
  // Portuguese
  'o',
  'os',
  'as',
  'um',
  'uma',
  'uns',
  'umas',
  'do',
  'da',
  'dos',
  'das',
  'em',
  'no',
  'na',
  'nos',
  'nas',
  'com',
  'pelo',
  'pela',
  'pelos',
  'pelas',
  'e',
  'ou',
  'foi',
  'são',
  'mais',
  'menos',
  'vezes',
  'seus',
  'suas',
  'às',
  'aos',
  'até',
  'após',
]);

// Nouns that count time, money or units: handled elsewhere or not a count of things.
const notCounted =
  /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|años|meses|semanas|días|horas|minutos|décadas|anos|dias|horas|dólares|dollars|pesos|reais|yuan|yuanes|euros|soles|millions|billions|thousands|millones|miles|milhões|bilhões|mil|percent|times|veces|vezes|people's|first|last|next|primeros|primeras|primeiros|primeiras|últimos|últimas|próximos|próximas|seguintes|siguientes|anteriores|thirds|quarters|fifths|tercios|cuartos|quintos|terços|quartos|quintos)$/iu;
// "points" count percentage points ("5 puntos porcentuales"), not things; "100 pontos de recarga" are things.
const percentagePoints =
  /^(?:points|puntos|pontos)\s+(?:percentuais|porcentuales|percentage|básicos|base|basis|de\s+porcentaje|a\s+mais|a\s+menos|más|menos|more|less)\b|^(?:points|puntos|pontos)(?!\s+de\s+\p{L})/iu;
// Words that join two describers of one noun: "large and small cracks", "Latin American and Caribbean countries".
const joiners = new Set(['and', 'or', 'y', 'o', 'e', 'ou']);

// Plural nouns that do not end in -s.
const irregularPlurals = new Set(['people', 'children', 'personnel', 'staff', 'cattle', 'police', 'pessoas']);

const isPlural = (word: string) => {
  const w = word.toLowerCase();
  // "país", "mês", "gás", "autobús" end in a stressed vowel and -s: singular.
  return (
    irregularPlurals.has(w) ||
    (/(?:s|es)$/u.test(w) && w.length > 3 && !/(?:ss|us|is|ous|[áéíóúâêô]s)$/u.test(w))
  );
};

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
  text: string,
  from: number,
  to: number,
  _lang: string | null,
  afterOf = false,
): CountedNoun | null {
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
