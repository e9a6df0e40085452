// Number words by language; a word counts as a number only in a document of its language ("once" is 11 in es).
const units: Record<string, Record<string, number>> = {
  en: {
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  },
  es: {
    uno: 1,
    una: 1,
    un: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
    diez: 10,
    once: 11,
    doce: 12,
    trece: 13,
    catorce: 14,
    quince: 15,
    dieciséis: 16,
    diecisiete: 17,
    dieciocho: 18,
    diecinueve: 19,
    veinte: 20,
    treinta: 30,
    cuarenta: 40,
    cincuenta: 50,
    sesenta: 60,
    setenta: 70,
    ochenta: 80,
    noventa: 90,
    cien: 100,
    ciento: 100,
    doscientos: 200,
    trescientos: 300,
    cuatrocientos: 400,
    quinientos: 500,
  },
  pt: {
    um: 1,
    uma: 1,
    dois: 2,
    duas: 2,
    três: 3,
    quatro: 4,
    cinco: 5,
    seis: 6,
    sete: 7,
    oito: 8,
    nove: 9,
    dez: 10,
    onze: 11,
    doze: 12,
    treze: 13,
    quatorze: 14,
    catorze: 14,
    quinze: 15,
    dezesseis: 16,
    dezessete: 17,
    dezoito: 18,
    dezenove: 19,
    vinte: 20,
    trinta: 30,
    quarenta: 40,
    cinquenta: 50,
    sessenta: 60,
    setenta: 70,
    oitenta: 80,
    noventa: 90,
    cem: 100,
    cento: 100,
    duzentos: 200,
    trezentos: 300,
    quinhentos: 500,
  },
};

const multipliers: Record<string, Record<string, number>> = {
  en: { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 },
  es: { mil: 1e3, millón: 1e6, millones: 1e6 },
  pt: { mil: 1e3, milhão: 1e6, milhões: 1e6, bilhão: 1e9, bilhões: 1e9 },
};

const joiners = new Set(['and', 'y', 'e']);

/** The number words of a language (for building patterns); every language's when `lang` is null. */
export function numberWords(lang: string | null): string[] {
  const langs = lang && units[lang] ? [lang] : Object.keys(units);
  return langs.flatMap((l) => [...Object.keys(units[l] ?? {}), ...Object.keys(multipliers[l] ?? {})]);
}

/**
 * The value of a spelled-out number in a language: "seven", "twenty-five", "a million", "cinco mil",
 * "dos millones", "three hundred thousand". Returns null when the words are not a number of that language.
 */
export function wordNumberValue(phrase: string, lang: string | null): number | null {
  const langs = lang && units[lang] ? [lang] : Object.keys(units);
  for (const l of langs) {
    const value = valueIn(phrase, units[l] ?? {}, multipliers[l] ?? {});
    if (value !== null) return value;
  }
  return null;
}

function valueIn(phrase: string, unitWords: Record<string, number>, multiplierWords: Record<string, number>) {
  const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter(Boolean);
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, word] of words.entries()) {
    if (i === 0 && (word === 'a' || word === 'an')) {
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
