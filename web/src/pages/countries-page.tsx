import { useState } from 'preact/hooks';
import type { CountrySummary } from '../api';
import { useCountries, useCountryName } from '../countries';
import { useI18n } from '../i18n';
import { useTitle } from '../title';

/** Whether a country recognizes the People's Republic, and since when, in words. */
export function useRecognition(): (c: CountrySummary) => string {
  const { t, date } = useI18n();
  return (c) => {
    const a = c.attributes;
    if (a.recognizes === 'ROC') return t('country.recognizesRoc');
    if (a.recognizes === 'PRC')
      return a.prcSince
        ? t('country.recognizesPrcSince', { date: date(a.prcSince) })
        : t('country.recognizesPrc');
    return '—';
  };
}

/** A country's Belt and Road memorandum in words: since when, or when it left. */
export function useBri(): (c: CountrySummary) => string {
  const { t, date } = useI18n();
  return (c) => {
    const bri = c.attributes.bri;
    if (bri?.status === 'exited' && bri.exited)
      return t('country.briExited', { from: bri.signed ? date(bri.signed) : '?', date: date(bri.exited) });
    if (!bri || bri.status !== 'signed') return t('country.briNo');
    return bri.signed ? t('country.briSince', { date: date(bri.signed) }) : t('country.briYes');
  };
}

/** A country's CELAC membership in words: since when, and when it suspended its participation. */
export function useCelac(): (c: CountrySummary) => string {
  const { t, date } = useI18n();
  return (c) => {
    const a = c.attributes;
    if (!a.celac) return t('country.celacNo');
    const since = a.celacSince
      ? t('country.celacSince', { date: date(a.celacSince) })
      : t('country.celacMember');
    const [from, to] = (a.celacSuspended ?? '').split('/');
    return from && to
      ? `${since}; ${t('country.celacSuspended', { from: date(from), to: date(to) })}`
      : since;
  };
}

/** The countries of Latin America and the Caribbean with their ties to China and their project totals. */
export function CountriesPage() {
  const i18n = useI18n();
  const { t, href } = i18n;
  useTitle(t('nav.countries'));
  const [all, setAll] = useState(false);
  const countries = useCountries();
  const name = useCountryName();
  const recognition = useRecognition();
  const bri = useBri();
  const shown = countries
    .filter((c) => all || c.attributes.lac)
    .sort(
      (a, b) =>
        b.amountUsd2021 - a.amountUsd2021 ||
        name(a.attributes.iso2).localeCompare(name(b.attributes.iso2), i18n.lang),
    );
  return (
    <section aria-labelledby="countries-heading">
      <h1 id="countries-heading">{t('nav.countries')}</h1>
      <label class="inline">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />{' '}
        {t('countries.all')}
      </label>
      {countries.length === 0 ? (
        <p class="status">{t('common.loading')}</p>
      ) : (
        <div class="table-wrap">
          <table class="countries">
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">CELAC</th>
                <th scope="col">{t('country.bri')}</th>
                <th scope="col">{t('country.recognition')}</th>
                <th scope="col" class="num">
                  {t('common.projects')}
                </th>
                <th scope="col" class="num">
                  {t('common.amountUsd2021')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <a href={href(`/countries/${c.attributes.iso2}`)}>{name(c.attributes.iso2)}</a>
                  </th>
                  <td>{c.attributes.celac ? t('common.yes') : t('common.no')}</td>
                  <td>{bri(c)}</td>
                  <td>{recognition(c)}</td>
                  <td class="num">{i18n.number(c.projects)}</td>
                  <td class="num">{c.amountUsd2021 > 0 ? i18n.money(c.amountUsd2021) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
