import { alternation } from './lang/compose.js';

// Currency marks written before the number, longest first. "$" alone is read as US dollars.
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
  ['ARS', 'ARS'],
  ['CLP', 'CLP'],
  ['COP', 'COP'],
  ['$', 'USD'],
];

// Currency words written after the number (and its scale), longest first.
const suffixes: [string, string][] = [
  ['dólares estadounidenses', 'USD'],
  ['dólares americanos', 'USD'],
  ['dólares norte-americanos', 'USD'],
  ['dólares', 'USD'],
  ['US dollars', 'USD'],
  ['U.S. dollars', 'USD'],
  ['U.S. dollar', 'USD'],
  ['U.S.-dollar', 'USD'],
  ['US-dollar', 'USD'],
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
  // Bare "pesos": the caller resolves it from the country the document is about.
  ['pesos', 'PESO'],
  ['reais', 'BRL'],
  ['real', 'BRL'],
  ['BRL', 'BRL'],
  ['soles', 'PEN'],
  ['yuanes', 'CNY'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
];

const lookup = (table: [string, string][], said: string) => {
  const norm = said.trim().replace(/\s+/g, ' ').toLowerCase();
  return table.find(([w]) => w.toLowerCase() === norm)?.[1] ?? null;
};

/** Matches a currency mark that ends right before a number (one space allowed). Group 1 is the mark. */
export const prefixBefore = new RegExp(
  `(?:^|[^\\p{L}\\p{N}$])(${alternation(prefixes.map(([w]) => w))})\\s?$`,
  'du',
);

/** Matches a currency word at the start of the text (after white space and an optional "de"/"of"). */
export const suffixAfter = new RegExp(
  `^(?:\\s+|-)(?:(?:de|of)\\s+)?(${alternation(suffixes.map(([w]) => w))})(?![\\p{L}])`,
  'iu',
);

/** The ISO 4217 code of a currency mark written before a number. */
export const prefixCurrency = (mark: string) => lookup(prefixes, mark);

/** The ISO 4217 code of a currency word written after a number. */
export const suffixCurrency = (word: string) => lookup(suffixes, word);

/** Whether a currency mark or word is Spanish or Portuguese usage, which tells how numbers are written. */
export const isRomanceCurrency = (said: string) =>
  /^(?:R\$|S\/\.?|Mex\$)$|dólares|reais|real|soles|pesos|yuanes/iu.test(said.trim());

// The countries whose currency is called "peso", by the names a text uses for them.
const pesoCountries: [RegExp, string][] = [
  [/\bM[eé]xic(?:o|an[oa]s?)\b|\bmexican[oa]s?\b/giu, 'MXN'],
  [/\bArgentin(?:a|e|ian|os?|as?)\b/giu, 'ARS'],
  [/\bChile(?:an)?\b|\bchilen[oa]s?\b/giu, 'CLP'],
  [/\bColombi(?:a|an)\b|\bcolombian[oa]s?\b/giu, 'COP'],
  [/\bUrugua(?:y|yan)\b|\buruguay[oa]s?\b/giu, 'UYU'],
  [/\bRep[uú]blica Dominicana\b|\bDominican Republic\b/giu, 'DOP'],
  [/\bCuba(?:n)?\b|\bcuban[oa]s?\b/giu, 'CUP'],
];

/** The currency that a bare "pesos" means in a text: that of the peso country it names most, or null. */
export function pesoCurrency(text: string): string | null {
  if (!/\bpesos\b/iu.test(text)) return null;
  let best: string | null = null;
  let most = 0;
  for (const [re, code] of pesoCountries) {
    const n = text.match(re)?.length ?? 0;
    if (n > most) [best, most] = [code, n];
  }
  return best;
}
