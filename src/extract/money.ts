import { parseNumber } from './number.js';
import { qualifierBefore } from './qualifier.js';
import type { ExtractedClaim } from './types.js';

// Scale words, longest first; values multiply the number. Spanish "billón" is 10^12; Portuguese "bilhão" is 10^9.
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
// Single letters only when glued to the number: "$5m", "$1.2b", "$300k".
const gluedScales: [string, number][] = [
  ['m', 1e6],
  ['b', 1e9],
  ['k', 1e3],
];

// Currency marks written before the number, longest first.
const prefixes: [string, string][] = [
  ['U.S.$', 'USD'],
  ['US$', 'USD'],
  ['USD', 'USD'],
  ['Mex$', 'MXN'],
  ['MXN', 'MXN'],
  ['R$', 'BRL'],
  ['BRL', 'BRL'],
  ['S/.', 'PEN'],
  ['S/', 'PEN'],
  ['PEN', 'PEN'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['¥', 'CNY'],
  ['€', 'EUR'],
  ['EUR', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
];

// Currency words written after the number (and its scale), longest first.
const suffixes: [string, string][] = [
  ['dólares estadounidenses', 'USD'],
  ['dólares americanos', 'USD'],
  ['dólares', 'USD'],
  ['US dollars', 'USD'],
  ['U.S. dollars', 'USD'],
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['USD', 'USD'],
  ['pesos mexicanos', 'MXN'],
  ['pesos argentinos', 'ARS'],
  ['pesos chilenos', 'CLP'],
  ['pesos colombianos', 'COP'],
  ['Mexican pesos', 'MXN'],
  ['Argentine pesos', 'ARS'],
  ['Chilean pesos', 'CLP'],
  ['Colombian pesos', 'COP'],
  ['reais', 'BRL'],
  ['real', 'BRL'],
  ['BRL', 'BRL'],
  ['soles', 'PEN'],
  ['yuan', 'CNY'],
  ['yuanes', 'CNY'],
  ['renminbi', 'CNY'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');

const NUM = String.raw`\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const SCALE = String.raw`(?:\s*(?:${alternation(scales.map(([w]) => w))})(?![\p{L}\p{N}])|(?:${alternation(gluedScales.map(([w]) => w))})(?![\p{L}\p{N}]))`;
const PREFIX = alternation(prefixes.map(([w]) => w));
const SUFFIX = alternation(suffixes.map(([w]) => w));

// Either "US$ 3,7 bilhões" (mark first) or "1.300 millones de dólares" / "66bn yuan" (word after).
const moneyPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<prefix>${PREFIX})\s?(?<num1>${NUM})(?<scale1>${SCALE})?|(?<num2>${NUM})(?<scale2>${SCALE})?\s+(?:(?:de|of)\s+)?(?<suffix>${SUFFIX})(?![\p{L}]))`,
  'gu',
);

// Words and marks that show the figure is written the Spanish or Portuguese way (decimal comma).
const romance =
  /^(?:R\$|S\/\.?|Mex\$)$|ll[oó]n|lh[õã]|^\s*mil\b|^\s*bi$|^\s*mi$|dólares|reais|real|soles|pesos|yuanes/u;

const lookup = (table: [string, number | string][], said: string) => {
  const norm = said.trim().replace(/\s+/g, ' ');
  return table.find(([w]) => w === norm || w.toLowerCase() === norm.toLowerCase())?.[1];
};

/** Finds money figures such as "$596.2 billion", "US$ 3,7 bilhões" or "35 billion yuan" in one passage. */
export function extractMoney(
  text: string,
  from: number,
  to: number,
  language: string | null,
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  moneyPattern.lastIndex = from;
  for (let m = moneyPattern.exec(text); m && m.index < to; m = moneyPattern.exec(text)) {
    const g = m.groups ?? {};
    const mark = g.prefix ?? g.suffix ?? '';
    const currency = String(lookup(g.prefix ? prefixes : suffixes, mark) ?? '');
    const scaleWord = g.scale1 ?? g.scale2;
    const scale = scaleWord ? Number(lookup([...scales, ...gluedScales], scaleWord) ?? 1) : 1;
    const hinted = [mark, scaleWord ?? ''].some((w) => romance.test(w)) ? 'es' : null;
    const amount = parseNumber(g.num1 ?? g.num2 ?? '', language ?? hinted) * scale;
    const end = m.index + m[0].length;
    if (!currency || !Number.isFinite(amount) || end > to) continue;
    const cue = qualifierBefore(text.slice(Math.max(from, m.index - 40), m.index));
    const start = cue ? m.index - cue.length : m.index;
    claims.push({
      subject: null,
      subjectType: null,
      subjectId: null,
      property: 'amount',
      value: Math.round(amount * 100) / 100,
      unit: currency,
      currency,
      qualifier: cue?.qualifier ?? null,
      time: null,
      quote: text.slice(start, end),
      start,
      end,
      rule: g.prefix ? 'money:prefix' : 'money:suffix',
    });
  }
  return claims;
}
