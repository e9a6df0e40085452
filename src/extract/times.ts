import { perLanguages, type Languages } from './lang/languages.js';
import type { TimeWords } from './lang/pack.js';
import type { Span } from './types.js';

/** A time expression: the time it names (YYYY, YYYY-MM, YYYY-MM-DD or a period YYYY/YYYY). */
export interface TimeExpr extends Span {
  value: string;
  /** for periods, the two ends, so that "from A to B" can give A the first and B the second */
  ends: [string, string] | null;
}

const YEAR = '(?:19|20)\\d{2}';
const pad = (n: number) => String(n).padStart(2, '0');
/** An alternation of words, or one that never matches when there are none (so groups keep their numbers). */
const some = (words: string[]) => (words.length > 0 ? words.join('|') : '(?!)');
/** An optional run of words before white space ("de ", "del "), empty when there are none. */
const optional = (words: string[]) => (words.length > 0 ? `(?:(?:${words.join('|')})\\s+)?` : '');

type Rule = {
  re: RegExp;
  read: (m: RegExpExecArray, ctx: Context) => Omit<TimeExpr, 'start' | 'end'> | null;
};

/** The month names and time rules of the language set, composed once. */
const timesOf = perLanguages((languages) => {
  const words = (pick: (t: TimeWords) => readonly string[]) => languages.union((p) => pick(p.times));
  const monthNames = new Map<string, number>();
  const name = (word: string, month: number) => {
    if (!monthNames.has(word)) monthNames.set(word, month);
  };
  for (const pack of languages.packs) {
    pack.times.months.forEach((m, i) => name(m, i + 1));
    for (const [m, n] of pack.times.monthAliases) name(m, n);
    for (const [m, n] of pack.times.monthAbbreviations) name(m, n);
  }
  const MONTH = [...monthNames.keys()].sort((a, b) => b.length - a.length).join('|');
  const month = (said: string) => monthNames.get(said.toLowerCase().replace(/\.$/, '')) ?? 0;
  const yearOf = optional(words((t) => t.yearOf));
  const lastBefore = new Set(words((t) => t.lastBefore));
  const capitalOnly = new Set(words((t) => t.capitalOnlyMonths));
  const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const relativeYears = new Map(
    languages.union(
      (p) => p.times.relativeYears,
      ([w]) => w,
    ),
  );
  // Each rule: a pattern and how to read its groups. Tried in order; a later match inside an earlier one is dropped.
  const rules: Rule[] = [
    {
      // between 2019 and 2022, from 2019 to 2022, entre 2019 y 2022, de 2019 a 2022, 2019-2022, (2025–2027)
      re: new RegExp(
        `\\b${optional(words((t) => t.periodFrom))}(${YEAR})\\s*(?:-|–|—|/|\\s(?:${some(words((t) => t.periodTo))})\\s)\\s*(${YEAR})\\b`,
        'giu',
      ),
      read: (m) => (m[1] && m[2] && m[1] < m[2] ? { value: `${m[1]}/${m[2]}`, ends: [m[1], m[2]] } : null),
    },
    {
      // November 14, 2024; 14 November 2024; 14 de noviembre de 2024; 14 de novembro de 2024
      re: new RegExp(
        `\\b(?:(${MONTH})\\.?\\s+(\\d{1,2}),?\\s+(${YEAR})|(\\d{1,2})\\s+${optional(words((t) => t.dayOf))}(${MONTH})\\.?,?\\s+${yearOf}(${YEAR}))\\b`,
        'giu',
      ),
      read: (m) => {
        const mo = month(m[1] ?? m[5] ?? '');
        const day = Number(m[2] ?? m[4]);
        const year = m[3] ?? m[6];
        return mo && day >= 1 && day <= 31 && year
          ? { value: `${year}-${pad(mo)}-${pad(day)}`, ends: null }
          : null;
      },
    },
    {
      // September 2023; septiembre de 2023; setembro de 2023
      re: new RegExp(`\\b(${MONTH})\\.?,?\\s+${yearOf}(${YEAR})\\b`, 'giu'),
      read: (m) => (month(m[1] ?? '') ? { value: `${m[2]}-${pad(month(m[1] ?? ''))}`, ends: null } : null),
    },
    {
      // last May, en mayo pasado, em maio passado, this May
      re: new RegExp(
        `\\b(?:(${some([...words((t) => t.lastBefore), ...words((t) => t.thisBefore)])})\\s+(${MONTH})|(?:${some(words((t) => t.lastAfterIn))})?\\s*(${MONTH})\\s+(${some(words((t) => t.lastAfter))}))\\b`,
        'giu',
      ),
      read: (m, ctx) => {
        if (!ctx.published) return null;
        const mo = month(m[2] ?? m[3] ?? '');
        if (!mo) return null;
        const [year, pubMonth] = ctx.published;
        const last = lastBefore.has((m[1] ?? '').toLowerCase()) || !!m[4];
        const y = last && mo >= pubMonth ? year - 1 : year;
        return { value: `${y}-${pad(mo)}`, ends: null };
      },
    },
    {
      // in January, en enero, em janeiro, desde marzo: the latest such month up to the publication date
      re: new RegExp(
        `\\b(?:${some(words((t) => t.monthIn))})\\s+${optional(words((t) => t.monthOf))}(${MONTH})\\b(?!\\.?,?\\s*${yearOf}\\d)`,
        'giu',
      ),
      read: (m, ctx) => {
        const said = m[1] ?? '';
        const mo = month(said);
        // "in May" in English must be the month, not the verb: capitalised.
        const lower = said.toLowerCase();
        if (!ctx.published || !mo || (capitalOnly.has(lower) && said !== capitalised(lower))) return null;
        const [year, pubMonth] = ctx.published;
        return { value: `${mo > pubMonth ? year - 1 : year}-${pad(mo)}`, ends: null };
      },
    },
    {
      // this year, last year, next year, earlier this year; este año, el año pasado; este ano, no ano passado
      re: new RegExp(`\\b(${some([...relativeYears.keys()])})\\b`, 'giu'),
      read: (m, ctx) => {
        if (!ctx.published) return null;
        const offset = relativeYears.get((m[1] ?? '').toLowerCase()) ?? 0;
        return { value: String(ctx.published[0] + offset), ends: null };
      },
    },
    {
      // a bare year: 2022 (also inside "by the end of 2022", "en 2021", "desde 2005")
      re: new RegExp(`(?<![\\p{L}\\p{N}.,$])(${YEAR})(?![\\p{N}]|[.,]\\d|\\s*(?:MW|GW|kV|km|%))`, 'gu'),
      read: (m) => ({ value: m[1] ?? '', ends: null }),
    },
  ];
  // A number before a month name ("5 de mayo") is a date; after an English month ("March 5") a day.
  const fullMonths = languages.union((p) => [...p.times.months, ...p.times.monthAliases.map(([m]) => m)]);
  const ofMonths = languages.packs.flatMap((p) =>
    p.times.dayOf.length > 0 ? [`(?:${p.times.dayOf.join('|')})\\s+(?:${p.times.months.join('|')})`] : [],
  );
  const monthFirst = languages.union((p) => (p.times.monthBeforeDay ? p.times.months : []));
  return {
    rules,
    monthAfter: new RegExp(`^(?:${[...fullMonths, ...ofMonths].join('|')})\\b`, 'iu'),
    monthBefore: new RegExp(`(?:${some(monthFirst.map(capitalised))})\\s+$`),
  };
});

/** Whether a month name starts `text` ("mayo", "de mayo"): a number before it is part of a date. */
export const startsWithMonth = (languages: Languages, text: string) =>
  timesOf(languages).monthAfter.test(text);

/** Whether `text` ends with a month name of a language that writes the month first ("March "): a day follows. */
export const endsWithMonthFirst = (languages: Languages, text: string) =>
  timesOf(languages).monthBefore.test(text);

interface Context {
  /** [year, month] of publication, for relative times */
  published: [number, number] | null;
}

/** Finds the time expressions of a passage, resolving relative ones against the publication date. */
export function findTimes(
  languages: Languages,
  text: string,
  from: number,
  to: number,
  publishedAt: string | null = null,
): TimeExpr[] {
  const pub = publishedAt ? /^(\d{4})-(\d{2})/.exec(publishedAt) : null;
  const ctx: Context = { published: pub ? [Number(pub[1]), Number(pub[2])] : null };
  const found: TimeExpr[] = [];
  const slice = text.slice(from, to);
  for (const rule of timesOf(languages).rules) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (found.some((t) => start < t.end && end > t.start)) continue;
      const read = rule.read(m, ctx);
      if (read) found.push({ ...read, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
