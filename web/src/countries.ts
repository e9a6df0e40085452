import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, type CountrySummary, type Page } from './api';
import { useI18n } from './i18n';

let cache: Promise<CountrySummary[]> | null = null;
/** The registry's countries, fetched once for the whole app (again after a failure). */
export const loadCountries = () =>
  (cache ??= getJson<Page<CountrySummary>>('/countries?limit=500').then(
    (p) => p.items,
    (e: unknown) => {
      cache = null;
      throw e;
    },
  ));

/** The registry's countries, fetched once for the whole app. */
export function useCountries(): CountrySummary[] {
  const [items, setItems] = useState<CountrySummary[]>([]);
  useEffect(() => {
    loadCountries().then(setItems, () => undefined);
  }, []);
  return items;
}

const regionNames = new Map<string, Intl.DisplayNames | null>();
/**
 * The browser's names of regions in a language, made on first use and kept: making them costs ~35 ms in each new
 * page (Chromium loads the names then), so they are not made before a country is to be named.
 */
function displayNames(lang: string): Intl.DisplayNames | null {
  let names = regionNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang], { type: 'region' });
    } catch {
      names = null; // an old browser: the registry's names
    }
    regionNames.set(lang, names);
  }
  return names;
}

/**
 * Names a country by its ISO 3166 code (alpha-2 or alpha-3) in the page's language: `Intl.DisplayNames` where the
 * browser knows it, else the registry's alias in that language, else its English name, else the code.
 */
export function useCountryName(): (code: string) => string {
  const { lang } = useI18n();
  const countries = useCountries();
  return useMemo(() => {
    const byCode = new Map<string, CountrySummary>();
    for (const c of countries)
      for (const code of [c.attributes.iso3, c.attributes.iso2]) if (!byCode.has(code)) byCode.set(code, c);
    const named = new Map<string, string>();
    const name = (code: string) => {
      const c = byCode.get(code);
      const iso2 = c?.attributes.iso2 ?? (code.length === 2 ? code : null);
      const display = iso2 ? displayNames(lang)?.of(iso2) : undefined;
      if (display && display !== iso2) return display;
      return c?.aliases.find((a) => a.lang === lang)?.name ?? c?.name ?? code;
    };
    return (code: string) => {
      let n = named.get(code);
      if (n === undefined) named.set(code, (n = name(code)));
      return n;
    };
  }, [lang, countries]);
}
