import { alternation } from './lang/compose.js';
import { perLanguages, type Languages } from './lang/languages.js';

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

// Currency codes written after the number; the words are the language packs'.
const codesAfter: [string, string][] = [
  ['USD', 'USD'],
  ['BRL', 'BRL'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
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

/** The currency words of the language set, composed once. */
const currenciesOf = perLanguages((languages) => {
  const suffixes = [
    ...languages.union(
      (p) => p.money.currencies,
      ([w]) => w,
    ),
    ...codesAfter,
  ];
  const of = alternation(languages.union((p) => p.numbers.of));
  const pesos = suffixes.filter(([, code]) => code === 'PESO').map(([w]) => w);
  const countries = new Map<string, string[]>();
  for (const [source, code] of languages.union(
    (p) => p.money.pesoCountries,
    ([s]) => s,
  ))
    countries.set(code, [...(countries.get(code) ?? []), source]);
  return {
    suffixes,
    suffixAfter: new RegExp(
      `^(?:\\s+|-)(?:(?:${of})\\s+)?(${alternation(suffixes.map(([w]) => w))})(?![\\p{L}])`,
      'iu',
    ),
    pesos: pesos.length > 0 ? new RegExp(`\\b(?:${alternation(pesos)})\\b`, 'iu') : null,
    pesoCountries: [...countries].map(
      ([code, sources]) => [new RegExp(sources.join('|'), 'giu'), code] as const,
    ),
  };
});

/** Matches a currency word at the start of the text (after white space and an optional "de"/"of"). */
export const suffixAfter = (languages: Languages) => currenciesOf(languages).suffixAfter;

/** The ISO 4217 code of a currency mark written before a number. */
export const prefixCurrency = (mark: string) => lookup(prefixes, mark);

/** The ISO 4217 code of a currency word written after a number (PESO for a bare "pesos"). */
export const suffixCurrency = (languages: Languages, word: string) =>
  lookup(currenciesOf(languages).suffixes, word);

/** The currency that a bare "pesos" means in a text: that of the peso country it names most, or null. */
export function pesoCurrency(languages: Languages, text: string): string | null {
  const { pesos, pesoCountries } = currenciesOf(languages);
  if (!pesos?.test(text)) return null;
  let best: string | null = null;
  let most = 0;
  for (const [re, code] of pesoCountries) {
    const n = text.match(re)?.length ?? 0;
    if (n > most) [best, most] = [code, n];
  }
  return best;
}
