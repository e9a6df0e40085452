import { useState } from 'preact/hooks';
import type { FacetEntry } from '../api';
import { useCountryName } from '../countries';
import { useI18n } from '../i18n';
import type { Key } from '../i18n/en';
import { navigate } from '../router';

/** The filters of the project list and the map, as URL parameters. */
export const filterKeys = ['country', 'sector', 'status', 'year', 'flow', 'participant', 'q'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;
export const facetKeys = ['country', 'sector', 'status', 'year', 'flow', 'participant'] as const;

export function filtersOf(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of filterKeys) {
    const value = query.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** The API query of the filters (`country=PER&sector=ENERGY`), without the leading `?`. */
export const filterQuery = (filters: Filters) =>
  new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();

const facetLabels: Record<(typeof facetKeys)[number], Key> = {
  country: 'filter.country',
  sector: 'filter.sector',
  status: 'filter.status',
  year: 'filter.year',
  flow: 'filter.flow',
  participant: 'filter.participant',
};

/**
 * The facet selects (each option with its count for the other filters) and the word search. A change navigates
 * to `path` with the new filters, so the URL always says what is shown.
 */
/** The participant facet: any Chinese participant first, then the Chinese parties, then the others. */
function ParticipantOptions({ options, label }: { options: FacetEntry[]; label: (e: FacetEntry) => string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = (e: FacetEntry) => (
    <option key={e.value} value={e.value}>
      {label(e)} ({i18n.number(e.count)})
    </option>
  );
  const any = options.find((e) => e.value === 'chinese');
  const parties = options.filter((e) => e.value !== 'chinese');
  const chinese = parties.filter((e) => e.chinese === true);
  const others = parties.filter((e) => e.chinese !== true);
  return (
    <>
      {any ? option(any) : <option value="chinese">{t('filter.anyChinese')}</option>}
      {chinese.length > 0 && (
        <optgroup label={t('filter.chineseParticipants')}>{chinese.map(option)}</optgroup>
      )}
      {others.length > 0 && <optgroup label={t('filter.otherParticipants')}>{others.map(option)}</optgroup>}
    </>
  );
}

export function ProjectFilters({
  path,
  filters,
  facets,
}: {
  path: string;
  filters: Filters;
  facets: Record<string, FacetEntry[]> | undefined;
}) {
  const i18n = useI18n();
  const { t, href } = i18n;
  const countryName = useCountryName();
  const [q, setQ] = useState(filters.q ?? '');
  const go = (next: Filters) => navigate(href(path, next));
  const label = (facet: string, e: FacetEntry) => {
    if (e.value === '') return t('common.unknown');
    if (facet === 'country') return countryName(e.value);
    if (facet === 'sector') return i18n.sector(e.value);
    if (facet === 'status') return i18n.status(e.value);
    if (facet === 'flow') return i18n.flow(e.value);
    if (facet === 'participant' && e.value === 'chinese') return t('filter.anyChinese');
    return e.label ?? e.value;
  };
  return (
    <form
      class="filters"
      aria-label={t('filter.title')}
      onSubmit={(e) => {
        e.preventDefault();
        go({ ...filters, q: q.trim() || undefined });
      }}
    >
      <div class="filter">
        <label for="filter-q">{t('filter.words')}</label>
        <input id="filter-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </div>
      {facetKeys.map((facet) => {
        const entries = (facets?.[facet] ?? []).filter((e) => e.value !== '');
        const selected = filters[facet];
        const options =
          selected && !entries.some((e) => e.value === selected)
            ? [{ value: selected, count: 0 }, ...entries]
            : entries;
        return (
          <div class="filter" key={facet}>
            <label for={`filter-${facet}`}>{t(facetLabels[facet])}</label>
            <select
              id={`filter-${facet}`}
              value={selected ?? ''}
              onChange={(e) => go({ ...filters, [facet]: e.currentTarget.value || undefined })}
            >
              <option value="">{t('filter.all')}</option>
              {facet === 'participant' ? (
                <ParticipantOptions options={options} label={(e) => label(facet, e)} />
              ) : (
                options.map((e) => (
                  <option key={e.value} value={e.value}>
                    {label(facet, e)} ({i18n.number(e.count)})
                  </option>
                ))
              )}
            </select>
          </div>
        );
      })}
      <div class="filter-actions">
        <button type="submit">{t('filter.apply')}</button>
        {Object.keys(filters).length > 0 && (
          <button
            type="button"
            onClick={() => {
              setQ('');
              go({});
            }}
          >
            {t('filter.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
