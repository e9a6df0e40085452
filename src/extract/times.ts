import type { Span } from './types.js';

/** A time expression: the time it names (YYYY, YYYY-MM, YYYY-MM-DD or a period YYYY/YYYY). */
export interface TimeExpr extends Span {
  value: string;
  /** for periods, the two ends, so that "from A to B" can give A the first and B the second */
  ends: [string, string] | null;
}

const monthNames: Record<string, number> = {};
const monthLists = [
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
];
for (const list of monthLists) list.forEach((m, i) => (monthNames[m] = i + 1));
monthNames.setiembre = 9;
monthNames.sept = 9;
monthNames.sep = 9;

const MONTH = Object.keys(monthNames)
  .sort((a, b) => b.length - a.length)
  .join('|');
const YEAR = '(?:19|20)\\d{2}';
const pad = (n: number) => String(n).padStart(2, '0');
const month = (name: string) => monthNames[name.toLowerCase().replace(/\.$/, '')] ?? 0;

// Each rule: a pattern and how to read its groups. Tried in order; a later match inside an earlier one is dropped.
const rules: {
  re: RegExp;
  read: (m: RegExpExecArray, ctx: Context) => Omit<TimeExpr, 'start' | 'end'> | null;
}[] = [
  {
    // between 2019 and 2022, from 2019 to 2022, entre 2019 y 2022, de 2019 a 2022, 2019-2022, (2025–2027)
    re: new RegExp(
      `\\b(?:(?:between|from|entre|de|desde)\\s+)?(${YEAR})\\s*(?:-|–|—|/|\\s(?:and|to|y|e|a|al|hasta|até)\\s)\\s*(${YEAR})\\b`,
      'giu',
    ),
    read: (m) => (m[1] && m[2] && m[1] < m[2] ? { value: `${m[1]}/${m[2]}`, ends: [m[1], m[2]] } : null),
  },
  {
    // November 14, 2024; 14 November 2024; 14 de noviembre de 2024; 14 de novembro de 2024
    re: new RegExp(
      `\\b(?:(${MONTH})\\.?\\s+(\\d{1,2}),?\\s+(${YEAR})|(\\d{1,2})\\s+(?:de\\s+)?(${MONTH})\\.?,?\\s+(?:de\\s+|del\\s+)?(${YEAR}))\\b`,
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
    re: new RegExp(`\\b(${MONTH})\\.?,?\\s+(?:de\\s+|del\\s+)?(${YEAR})\\b`, 'giu'),
    read: (m) => (month(m[1] ?? '') ? { value: `${m[2]}-${pad(month(m[1] ?? ''))}`, ends: null } : null),
  },
  {
    // last May, en mayo pasado, em maio passado, this May
    re: new RegExp(`\\b(?:(last|this)\\s+(${MONTH})|(?:en|em)?\\s*(${MONTH})\\s+(pasado|passado))\\b`, 'giu'),
    read: (m, ctx) => {
      if (!ctx.published) return null;
      const mo = month(m[2] ?? m[3] ?? '');
      if (!mo) return null;
      const [year, pubMonth] = ctx.published;
      const last = (m[1] ?? '').toLowerCase() === 'last' || !!m[4];
      const y = last && mo >= pubMonth ? year - 1 : year;
      return { value: `${y}-${pad(mo)}`, ends: null };
    },
  },
  {
    // in January, en enero, em janeiro, desde marzo: the latest such month up to the publication date
    re: new RegExp(
      `\\b(?:in|en|em|desde|since|hasta|until|até|durante|during)\\s+(?:(?:el\\s+)?mes\\s+de\\s+|o\\s+mês\\s+de\\s+)?(${MONTH})\\b(?!\\.?,?\\s*(?:de\\s+|del\\s+)?\\d)`,
      'giu',
    ),
    read: (m, ctx) => {
      const mo = month(m[1] ?? '');
      // "in May" in English must be the month, not the verb: capitalised.
      if (!ctx.published || !mo || (/^may$/i.test(m[1] ?? '') && m[1] !== 'May')) return null;
      const [year, pubMonth] = ctx.published;
      return { value: `${mo > pubMonth ? year - 1 : year}-${pad(mo)}`, ends: null };
    },
  },
  {
    // this year, last year, next year, earlier this year; este año, el año pasado; este ano, no ano passado
    re: /\b(this year|earlier this year|last year|next year|este año|el año pasado|el próximo año|este ano|o ano passado|no ano passado|ano passado|o próximo ano)\b/giu,
    read: (m, ctx) => {
      if (!ctx.published) return null;
      const said = (m[1] ?? '').toLowerCase();
      const offset = /last|pasado|passado/.test(said) ? -1 : /next|próximo/.test(said) ? 1 : 0;
      return { value: String(ctx.published[0] + offset), ends: null };
    },
  },
  {
    // a bare year: 2022 (also inside "by the end of 2022", "en 2021", "desde 2005")
    re: new RegExp(`(?<![\\p{L}\\p{N}.,$])(${YEAR})(?![\\p{N}]|[.,]\\d|\\s*(?:MW|GW|kV|km|%))`, 'gu'),
    read: (m) => ({ value: m[1] ?? '', ends: null }),
  },
];

interface Context {
  /** [year, month] of publication, for relative times */
  published: [number, number] | null;
}

/** Finds the time expressions of a passage, resolving relative ones against the publication date. */
export function findTimes(
  text: string,
  from: number,
  to: number,
  publishedAt: string | null = null,
): TimeExpr[] {
  const pub = publishedAt ? /^(\d{4})-(\d{2})/.exec(publishedAt) : null;
  const ctx: Context = { published: pub ? [Number(pub[1]), Number(pub[2])] : null };
  const found: TimeExpr[] = [];
  const slice = text.slice(from, to);
  for (const rule of rules) {
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
