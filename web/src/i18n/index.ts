import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { queryString } from '../router';
import { en, type Key } from './en';
import { es } from './es';
import { pt } from './pt';
import {
  bodyNames,
  flowNames,
  indicatorPlaces,
  kindNames,
  measureNames,
  originNames,
  propertyNames,
  sectorNames,
  statusNames,
  typeNames,
  type Names,
} from './names';

export const langs = ['en', 'es', 'pt'] as const;
export type Lang = (typeof langs)[number];
export const langNames: Record<Lang, string> = { en: 'English', es: 'Español', pt: 'Português' };

const catalogs: Record<Lang, Record<Key, string>> = { en, es, pt };
const isLang = (s: string | null | undefined): s is Lang => langs.includes(s as Lang);

/** The language asked for in the URL (`?lang=`), else the browser's first one we have, else English. */
export function pickLang(query: URLSearchParams, preferred: readonly string[] = []): Lang {
  const asked = query.get('lang');
  if (isLang(asked)) return asked;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

/** Fills `{name}` slots of a message. */
const fill = (message: string, vars: Record<string, string | number>) =>
  message.replace(/\{(\w+)\}/g, (slot, name: string) => (name in vars ? String(vars[name]) : slot));

/** A name from a vocabulary (sector, status...) in the language, else the raw value made readable. */
function named(names: Names, lang: Lang, value: string): string {
  const entry = names[value] ?? names[value.toUpperCase()];
  if (entry) return entry[lang];
  const plain = value.replace(/_/g, ' ').toLowerCase();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}

/** Everything a page needs to speak the chosen language: messages, `Intl` formatting, links that keep it. */
export interface I18n {
  lang: Lang;
  /** whether the language came from the URL, so links carry it on */
  inUrl: boolean;
  t(key: Key, vars?: Record<string, string | number>): string;
  /** a message with a count: the key's `.one` or `.other` form, chosen by the language's plural rules */
  tn(key: PluralBase, n: number): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** an amount of money, short (US$1.2 billion) unless `full` */
  money(n: number, currency?: string, full?: boolean): string;
  /** a date or period as the API writes it (2019, 2023-09, 2024-11-14, 2019/2022), for people */
  date(value: string): string;
  sector(value: string | null): string;
  status(value: string | null): string;
  flow(value: string | null): string;
  property(value: string): string;
  /** an entity type (country, organization, place...) */
  type(value: string): string;
  /** where a claim comes from: extraction, a dataset import, an editor */
  origin(value: string): string;
  /** a registry kind of mechanism or policy (fund, forum, action plan...) */
  kind(value: string): string;
  /** a registry entity's name in Spanish or Portuguese when we have it, else `name` as stored (English) */
  entityName(id: string, name: string): string;
  /** an indicator's name in the language, made from its id's measure, actor and place, else `name` as stored */
  indicatorName(id: string, name: string): string;
  /** an in-app link with the language kept when it is in the URL */
  href(path: string, query?: Record<string, string | number | null | undefined | string[]>): string;
}

type PluralBase = { [K in Key]: K extends `${infer B}.one` ? B : never }[Key];

function formatDate(lang: Lang, value: string): string {
  if (value.includes('/'))
    return value
      .split('/')
      .map((part) => formatDate(lang, part))
      .join('–');
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y ?? value;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d ?? 1)));
  const options: Intl.DateTimeFormatOptions = d
    ? { dateStyle: 'medium', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(date);
}

const actorWords: Record<Lang, string> = { en: 'China', es: 'de China', pt: 'da China' };

/** `indicator:<measure>:<actor>:<place>` in the language: "Capacidad eólica de China", else null. */
function indicatorLabel(lang: Lang, id: string): string | null {
  const [kind, measure = '', actor, place] = id.split(':');
  const what = measureNames[measure]?.[lang];
  const where = place === 'world' ? '' : indicatorPlaces[place ?? '']?.[lang];
  if (kind !== 'indicator' || !what || where === undefined || (actor !== 'cn' && actor !== 'all'))
    return null;
  const label = [what, actor === 'cn' ? actorWords[lang] : '', where].filter(Boolean).join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function makeI18n(lang: Lang, inUrl: boolean): I18n {
  const catalog = catalogs[lang];
  const plural = new Intl.PluralRules(lang);
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions = {}) => {
    const key = JSON.stringify(options);
    let f = numbers.get(key);
    if (!f) numbers.set(key, (f = new Intl.NumberFormat(lang, options)));
    return f;
  };
  const t: I18n['t'] = (key, vars) => fill(catalog[key] ?? en[key], vars ?? {});
  return {
    lang,
    inUrl,
    t,
    tn: (key, n) => {
      const form = plural.select(n) === 'one' ? 'one' : 'other';
      return t(`${key}.${form}` as Key, { n: numberFormat().format(n) });
    },
    number: (n, options) => numberFormat({ maximumFractionDigits: 2, ...options }).format(n),
    money: (n, currency = 'USD', full = false) =>
      numberFormat(
        full
          ? { style: 'currency', currency, maximumFractionDigits: 0 }
          : {
              style: 'currency',
              currency,
              notation: 'compact',
              compactDisplay: 'short',
              maximumFractionDigits: 1,
            },
      ).format(n),
    date: (value) => formatDate(lang, value),
    sector: (v) => (v ? named(sectorNames, lang, v) : t('common.unknown')),
    status: (v) => (v ? named(statusNames, lang, v) : t('common.unknown')),
    flow: (v) => (v ? named(flowNames, lang, v) : t('common.unknown')),
    property: (v) => named(propertyNames, lang, v),
    kind: (v) => named(kindNames, lang, v),
    type: (v) => named(typeNames, lang, v),
    origin: (v) => named(originNames, lang, v),
    entityName: (id, name) => (lang === 'en' ? name : (bodyNames[id]?.[lang] ?? name)),
    indicatorName: (id, name) => (lang === 'en' ? name : (indicatorLabel(lang, id) ?? name)),
    href: (path, query = {}) => path + queryString({ ...query, lang: inUrl ? lang : null }),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en', false));
export const useI18n = () => useContext(I18nContext);
