import type { Qualifier } from '../domain/claim.js';
import { prefixBefore, prefixCurrency, suffixAfter, suffixCurrency } from './currency.js';
import { countedNoun, isVerbForm } from './counted-noun.js';
import { parseNumber, type NumberStyle } from './number.js';
import { qualifierBefore } from './qualifier.js';
import { matchesIn } from './scan.js';
import { alternation } from './lang/compose.js';
import { perLanguages, type Languages } from './lang/languages.js';
import { isCommaScale, scaleSource, scaleValue } from './scale.js';
import type { NumberWords } from './lang/pack.js';
import { endsWithMonthFirst, startsWithMonth } from './times.js';
import type { Span } from './types.js';
import { jobsPattern, unitPatterns, type UnitKind } from './units.js';
import { numberWords, wordNumberValue } from './word-numbers.js';

/** What the whole document tells about reading its figures. */
export interface QuantityContext {
  /** how the document writes decimals, where its numbers show it */
  style: NumberStyle | null;
  /** the currency "pesos" means in this document (MXN, ARS, COP...), from the country it is about */
  peso: string | null;
}

/** A figure found in text: its value in base units, unit, qualifier and the span that states it. */
export interface Quantity extends Span {
  value: number;
  unit: string;
  currency: string | null;
  kind: 'money' | 'jobs' | 'count' | 'multiple' | UnitKind;
  qualifier: Qualifier | null;
  /** the span of the number itself (without qualifier or unit) */
  number: Span;
  /** for counts: the counted noun phrase ("infrastructure projects") */
  counted: string | null;
  rule: string;
}

// Digit groups separated by a mark or a space ("1 500 megavatios"); a plain space only before exactly three digits.
const DIGITS = String.raw`\d{1,3}(?:(?:[.,\u00a0\u202f]| (?=\d{3}(?!\d)))\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
/** The number words of the language set, composed once into the patterns that read figures. */
const numbersOf = perLanguages((languages) => {
  const words = <T>(pick: (n: NumberWords) => readonly T[]) => languages.union((p) => pick(p.numbers));
  const optional = (list: string[]) => (list.length > 0 ? String.raw`(?:(?:${alternation(list)})\s+)?` : '');
  const vague = languages.union(
    (p) => p.numbers.vague,
    ([w]) => w,
  );
  const of = alternation(words((n) => n.of));
  const byFactor = new Map<number, string[]>();
  for (const [source, factor] of languages.union(
    (p) => p.numbers.multiplyVerbs,
    ([v]) => v,
  ))
    byFactor.set(factor, [...(byFactor.get(factor) ?? []), source]);
  return {
    vague: String.raw`(?:${alternation(vague.map(([w]) => w))})\s+(?:${of})(?=\s)`,
    vagueValue: new Map(vague.map(([w, v]) => [w.toLowerCase(), v])),
    /** "a"/"half a" before number words, and the words joining them, as regex sources */
    lead: optional([...words((n) => n.one), ...words((n) => n.half)]),
    joiner: optional(words((n) => n.joiners)),
    half: new RegExp(String.raw`^(?:${alternation(words((n) => n.half)) || '(?!)'})\s+`, 'i'),
    /** the patterns of figures by document language, made on first use */
    figures: new Map<string, RegExp>(),
    ofAfterScale: new RegExp(String.raw`^\s+(?:${of})(?=\s)`, 'iu'),
    timesAfter: new RegExp(
      String.raw`^[\s-]*(?:${alternation(words((n) => n.times))})(?:\s+(?:${alternation(words((n) => n.comparatives))}))?(?![\p{L}])`,
      'iu',
    ),
    rangeJoin: new RegExp(String.raw`^\s*(?:-|–|—|${alternation(words((n) => n.rangeWords))})\s*$`, 'iu'),
    referential: new RegExp(String.raw`(?:^|\s)(?:${alternation(words((n) => n.referentials))})\s+$`, 'iu'),
    ordinal: new RegExp(String.raw`^(?:${[...words((n) => n.ordinals), '°'].join('|')})`, 'u'),
    numberSign: new RegExp(String.raw`(?:${[...words((n) => n.numberSigns), '#'].join('|')})\s*$`, 'u'),
    hyphenedTerm: new RegExp(String.raw`^-(?:${alternation(words((n) => n.hyphenedTerms)) || '(?!)'})`, 'i'),
    multiplyVerbs: [...byFactor].map(
      ([factor, sources]) => [new RegExp(`^(?:${sources.join('|')})$`, 'iu'), factor] as const,
    ),
    multiply: new RegExp(`^(?:${words((n) => n.multiply).join('|')})$`, 'iu'),
    multiplyBy: new RegExp(
      String.raw`^\s+(?:${alternation(words((n) => n.multiplyBy))})\s+(\d+(?:[.,]\d+)?|\p{L}+)(?![\p{L}\p{N}])`,
      'iu',
    ),
  };
});

function numberPattern(languages: Languages, lang: string | null): RegExp {
  const patterns = numbersOf(languages);
  const key = lang ?? '*';
  let re = patterns.figures.get(key);
  if (!re) {
    const words = alternation(numberWords(languages, lang).filter((w) => w.length > 1 || lang === null));
    const WORD = String.raw`${patterns.lead}(?:${words})(?:[\s-]+${patterns.joiner}(?:${words}))*`;
    re = new RegExp(
      String.raw`(?<![\p{L}\p{N}.,])(?:(?<digits>${DIGITS})(?<scale>${scaleSource(languages)})?|(?<vague>${patterns.vague})|(?<words>${WORD})(?![\p{L}]))`,
      'giu',
    );
    patterns.figures.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** The units after a figure, composed once per language set. */
const unitsOf = perLanguages((languages) => {
  const of = alternation(languages.union((p) => p.numbers.of));
  return {
    units: unitPatterns(languages).map(({ def, source }) => ({
      def,
      // "3,000-meter tunnel" and "500-kV line" write the unit with a hyphen.
      re: new RegExp(
        String.raw`^(?:\s*|-)(?:(?:${of})\s+)?(?:${source})(?![\p{L}\p{N}²])`,
        def.caseSensitive ? 'u' : 'iu',
      ),
    })),
    jobs: new RegExp(String.raw`^\s+(?:(?:${of})\s+)?${jobsPattern(languages)}`, 'iu'),
  };
});
interface RawNumber {
  start: number;
  end: number;
  value: number;
  /** the multiplier of the scale word written after the digits ("billion"), or 1 */
  scale: number;
  scaled: boolean;
  written: 'digits' | 'words' | 'vague';
  /** digits written with a mark or space between them ("2.100"): never a year */
  grouped?: boolean;
  qualifier: Qualifier | null;
}

/** Reads the number expressions of a passage, with their values (scale words applied). */
function findNumbers(
  languages: Languages,
  text: string,
  from: number,
  to: number,
  lang: string | null,
  style: NumberStyle | null,
): RawNumber[] {
  const found: RawNumber[] = [];
  const patterns = numbersOf(languages);
  const habit = languages.of(lang)?.numbers.decimalMark ?? '.';
  for (const { m, at } of matchesIn(numberPattern(languages, lang), text, from, to)) {
    const g = m.groups ?? {};
    const end = at + m[0].length;
    if (g.digits) {
      const mark = habit === ',' || isCommaScale(languages, g.scale) ? ',' : '.';
      const scale = scaleValue(languages, g.scale);
      const value = parseNumber(g.digits, mark, style) * scale;
      if (Number.isFinite(value))
        found.push({
          start: at,
          end,
          value,
          scale,
          scaled: !!g.scale,
          written: 'digits',
          grouped: /\D/.test(g.digits),
          qualifier: null,
        });
    } else if (g.vague) {
      const v = patterns.vagueValue.get(g.vague.split(/\s+/)[0]?.toLowerCase() ?? '');
      if (v !== undefined)
        found.push({
          start: at,
          end,
          value: v,
          scale: 1,
          scaled: false,
          written: 'vague',
          qualifier: 'at_least',
        });
    } else if (g.words) {
      const value = wordNumberValue(languages, g.words.replace(patterns.half, ''), lang);
      const half = patterns.half.test(g.words) ? 0.5 : 1;
      if (value !== null && value > 0) {
        found.push({
          start: at,
          end,
          value: value * half,
          scale: 1,
          scaled: value >= 1e3,
          written: 'words',
          qualifier: null,
        });
      }
    }
  }
  return found;
}

// A number that is part of a date, a time of day, an ordinal, a code or a name is not a figure.
function isNotAFigure(languages: Languages, text: string, n: RawNumber, from: number): boolean {
  const patterns = numbersOf(languages);
  const before = text.slice(Math.max(from, n.start - 16), n.start);
  const after = text.slice(n.end, n.end + 24);
  if (n.written === 'digits') {
    if (patterns.ordinal.test(after) || /^:\d/.test(after) || patterns.hyphenedTerm.test(after)) return true;
    if (patterns.numberSign.test(before)) return true;
    if (startsWithMonth(languages, after.trimStart())) return !n.scaled;
    if (endsWithMonthFirst(languages, before) && n.value < 32) return true;
  }
  return false;
}

/** The unit that follows a number, if any: currency words, measurement units, jobs, multiples. */
function unitAfter(languages: Languages, after: string, lang: string | null) {
  const money = suffixAfter(languages).exec(after);
  if (money?.[1])
    return {
      kind: 'money' as const,
      unit: suffixCurrency(languages, money[1]) ?? '',
      factor: 1,
      length: money[0].length,
    };
  const { units, jobs: jobsAfter } = unitsOf(languages);
  for (const { def, re } of units) {
    const m = re.exec(after);
    if (m) return { kind: def.kind, unit: def.unit, factor: def.factor, length: m[0].length };
  }
  const jobs = jobsAfter.exec(after);
  if (jobs) return { kind: 'jobs' as const, unit: 'jobs', factor: 1, length: jobs[0].length };
  const times = numbersOf(languages).timesAfter.exec(after);
  if (times && lang !== null)
    return {
      kind: 'multiple' as const,
      unit: 'multiple',
      factor: 1,
      length: times[0].length,
    };
  return null;
}

/**
 * Finds the figures of a passage: money, power, voltage, length, TEU, tonnes, jobs, percentages, multiples and
 * counts of things, in English, Spanish and Portuguese, each in base units with its qualifier and exact span.
 */
export function findQuantities(
  languages: Languages,
  text: string,
  from: number,
  to: number,
  lang: string | null,
  context: QuantityContext = { style: null, peso: null },
): Quantity[] {
  const numbers = findNumbers(languages, text, from, to, lang, context.style).filter(
    (n) => !isNotAFigure(languages, text, n, from),
  );
  const result: (Quantity | null)[] = numbers.map((n) =>
    readQuantity(languages, text, n, from, to, lang, context),
  );
  const { rangeJoin } = numbersOf(languages);
  numbers.forEach((n, i) => {
    const next = numbers[i + 1];
    if (next && rangeJoin.test(text.slice(n.end, next.start))) joinRange(n, next, i, result);
  });
  return result.filter((q): q is Quantity => q !== null);
}

/**
 * A range is two claims, at_least its low end and at_most its high end, sharing the unit and scale written
 * once: "between 300 and 400 MW", "300-400 MW", "US$ 1-2 billion", "US$ 3 a 4 mil millones".
 */
function joinRange(n: RawNumber, next: RawNumber, i: number, result: (Quantity | null)[]) {
  const q = result[i];
  const nq = result[i + 1];
  // A unit factor is read off the other end's value: an end of 0 ("de 7 a 0") has none, so it is no range.
  if (q === null && nq && next.value !== 0 && n.written === 'digits' && !isYear(n) && nq.kind !== 'count') {
    // The first number takes the second's unit factor and, when it has none of its own, its scale.
    const factor = nq.value / next.value;
    const value = n.value * factor * (n.scaled ? 1 : next.scale);
    result[i] = {
      ...nq,
      start: n.start,
      end: n.end,
      value,
      number: { start: n.start, end: n.end },
      qualifier: 'at_least',
      rule: `${nq.rule}:range`,
    };
    result[i + 1] = { ...nq, qualifier: nq.qualifier ?? 'at_most' };
  } else if (
    q?.kind === 'money' &&
    nq === null &&
    n.value !== 0 &&
    next.written === 'digits' &&
    (!n.scaled || next.scaled)
  ) {
    const value = next.value * (q.value / n.value);
    result[i] = {
      ...q,
      value: n.scaled ? q.value : q.value * next.scale,
      qualifier: q.qualifier ?? 'at_least',
    };
    result[i + 1] = {
      ...q,
      start: next.start,
      end: next.end,
      value,
      number: { start: next.start, end: next.end },
      qualifier: 'at_most',
      rule: `${q.rule}:range`,
    };
  }
}

const isYear = (n: RawNumber) =>
  n.written === 'digits' &&
  !n.grouped &&
  !n.scaled &&
  Number.isInteger(n.value) &&
  n.value >= 1800 &&
  n.value <= 2100;

function readQuantity(
  languages: Languages,
  text: string,
  n: RawNumber,
  from: number,
  to: number,
  lang: string | null,
  context: QuantityContext,
): Quantity | null {
  const before = text.slice(Math.max(from, n.start - 40), n.start);
  const after = text.slice(n.end, Math.min(to, n.end + 60));
  const prefix = n.written === 'digits' ? prefixBefore.exec(before) : null;
  let start = n.start;
  let end = n.end;
  let value = n.value;
  let kind: Quantity['kind'];
  let unit: string;
  let currency: string | null = null;
  let counted: string | null = null;
  let rule: string;
  const following = unitAfter(languages, after, lang);
  if (prefix?.[1]) {
    currency = prefixCurrency(prefix[1]);
    if (!currency) return null;
    start = n.start - before.length + (prefix.indices?.[1]?.[0] ?? before.length);
    kind = 'money';
    unit = currency;
    rule = 'money:prefix';
  } else if (following) {
    if (following.kind === 'duration' || (following.kind === 'multiple' && n.written === 'vague'))
      return null;
    if (isYear(n) && following.kind !== 'money' && following.kind !== 'percent') return null;
    kind = following.kind;
    unit = following.unit === 'PESO' ? (context.peso ?? '') : following.unit;
    if (!unit) return null;
    value = n.value * following.factor;
    end = n.end + following.length;
    if (kind === 'money') currency = unit;
    rule = `${kind}:after`;
  } else {
    if (isYear(n)) return null;
    // "un millón de contenedores": after a scale word the counted noun comes with "de"/"of".
    const of = n.scaled ? numbersOf(languages).ofAfterScale.exec(after) : null;
    const noun = countedNoun(
      languages,
      text,
      n.end + (of?.[0].length ?? 0),
      to,
      n.written === 'vague' || !!of,
    );
    if (!noun || (!of && isVerbForm(languages, noun.text))) {
      // "512 millones invertidos": a bare amount in millions is money in the document's running currency.
      if (n.written !== 'digits' || n.scale < 1e6 || !isCommaScale(languages, text.slice(n.start, n.end)))
        return null;
      return implied(languages, text, n, from);
    }
    if (n.written !== 'digits' && n.value <= 10 && numbersOf(languages).referential.test(before)) return null;
    kind = 'count';
    unit = 'count';
    counted = noun.text;
    end = noun.end;
    rule = 'count:noun';
  }
  const cue = n.qualifier ? null : qualifierBefore(languages, text.slice(Math.max(from, start - 40), start));
  if (cue) start -= cue.length;
  return {
    start,
    end,
    value: Math.round(value * 1e6) / 1e6,
    unit,
    currency,
    kind,
    qualifier: n.qualifier ?? cue?.qualifier ?? null,
    number: { start: n.start, end: n.end },
    counted,
    rule,
  };
}

/** A bare scaled amount ("414 millones") as money whose currency the caller fills from the text before it. */
function implied(languages: Languages, text: string, n: RawNumber, from: number): Quantity {
  const cue = qualifierBefore(languages, text.slice(Math.max(from, n.start - 40), n.start));
  return {
    start: n.start - (cue?.length ?? 0),
    end: n.end,
    value: n.value,
    unit: '',
    currency: null,
    kind: 'money',
    qualifier: cue?.qualifier ?? null,
    number: { start: n.start, end: n.end },
    counted: null,
    rule: 'money:implied',
  };
}

/** Finds multiplying verbs such as "quadrupled", "se duplicó", "triplicou", "multiplicando por nueve" as multiples. */
export function findMultiplyVerbs(
  languages: Languages,
  text: string,
  from: number,
  to: number,
  lang: string | null = null,
): Quantity[] {
  const found: Quantity[] = [];
  const { multiplyVerbs, multiply, multiplyBy } = numbersOf(languages);
  for (const { m, at } of matchesIn(/[\p{L}]+/gu, text, from, to)) {
    const hit = multiplyVerbs.find(([pattern]) => pattern.test(m[0]));
    let end = at + m[0].length;
    let value = hit?.[1];
    if (!hit && multiply.test(m[0])) {
      // "multiplied by nine", "multiplicó por 9", "multiplicou por três"
      const by = multiplyBy.exec(text.slice(end, Math.min(to, end + 40)));
      const said = by?.[1];
      const mark = languages.of(lang)?.numbers.decimalMark ?? '.';
      const n = said
        ? /^\d/.test(said)
          ? parseNumber(said, mark)
          : wordNumberValue(languages, said, lang)
        : null;
      if (by && n !== null && Number.isFinite(n) && n > 1) {
        value = n;
        end += by[0].length;
      }
    }
    if (value === undefined) continue;
    const span = { start: at, end };
    found.push({
      ...span,
      value,
      unit: 'multiple',
      currency: null,
      kind: 'multiple',
      qualifier: null,
      number: span,
      counted: null,
      rule: 'multiple:verb',
    });
  }
  return found;
}
