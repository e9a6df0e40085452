import type { ProjectPage, ProjectSummary } from '../api';
import {
  facetKeys,
  filterQuery,
  filtersOf,
  ProjectFilters,
  type Filters,
} from '../components/project-filters';
import { Show } from '../components/status';
import { useCountryName } from '../countries';
import { useI18n } from '../i18n';
import type { Key } from '../i18n/en';
import { navigate } from '../router';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

const columns: { sort: string | null; label: Key; numeric?: boolean }[] = [
  { sort: 'name', label: 'project.name' },
  { sort: null, label: 'filter.country' },
  { sort: null, label: 'filter.sector' },
  { sort: null, label: 'filter.status' },
  { sort: 'year', label: 'filter.year', numeric: true },
  { sort: 'amount', label: 'common.amountUsd2021', numeric: true },
  { sort: 'conflicts', label: 'project.conflicts', numeric: true },
  { sort: 'sources', label: 'common.sources', numeric: true },
];

const pageSize = 50;

function Row({ p }: { p: ProjectSummary }) {
  const i18n = useI18n();
  const countryName = useCountryName();
  const chinese = (p.participants ?? []).filter((x) => x.chinese);
  return (
    <tr>
      <th scope="row" class="project-name">
        <a href={i18n.href(`/projects/${encodeURIComponent(p.id)}`)} data-project-id={p.id}>
          {p.name}
        </a>
        {chinese.length > 0 && (
          <div class="meta">{chinese.map((x) => `${x.name} (${i18n.property(x.role)})`).join(' · ')}</div>
        )}
      </th>
      <td>{p.countries.map(countryName).join(', ')}</td>
      <td>{i18n.sector(p.sector)}</td>
      <td>{p.status ? i18n.status(p.status) : '—'}</td>
      <td class="num">{p.year ?? '—'}</td>
      <td class="num">{p.amount?.usd2021 != null ? i18n.money(p.amount.usd2021) : '—'}</td>
      <td class="num">
        {p.conflicts > 0 ? <span class="badge conflict">{i18n.number(p.conflicts)}</span> : '0'}
      </td>
      <td class="num">{i18n.number(p.sources)}</td>
    </tr>
  );
}

/** The projects: facets, word search, sortable columns, pages, and the current selection as CSV, XLSX or GeoJSON. */
export function ProjectsPage({ query }: { query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, tn, href } = i18n;
  useTitle(t('nav.projects'));
  const filters = filtersOf(query);
  const sort = query.get('sort') ?? '';
  const cursor = query.get('cursor') ?? '';
  const back = query.getAll('back');
  const api = filterQuery(filters);
  const page = useFetch<ProjectPage>(
    `/projects?limit=${pageSize}&facets=${facetKeys.join(',')}` +
      (api ? `&${api}` : '') +
      (sort ? `&sort=${encodeURIComponent(sort)}` : '') +
      (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
  );
  const go = (next: { filters?: Filters; sort?: string; cursor?: string; back?: string[] }) =>
    navigate(
      href('/projects', {
        ...(next.filters ?? filters),
        sort: next.sort ?? sort,
        cursor: next.cursor,
        back: next.back,
      }),
    );
  const download = (format: string) => `/api/v1/projects.${format}${api ? `?${api}` : ''}`;
  return (
    <section aria-labelledby="projects-heading">
      <h1 id="projects-heading">{t('nav.projects')}</h1>
      <ProjectFilters
        path="/projects"
        filters={filters}
        facets={page.state === 'done' ? page.data.facets : undefined}
      />
      <Show data={page}>
        {(p) => (
          <>
            <div class="list-head">
              <p aria-live="polite">
                {tn('count.projects', p.total)} · {t('projects.sum', { amount: i18n.money(p.amountUsd2021) })}
              </p>
              <p class="downloads">
                {t('projects.download')}{' '}
                <a href={download('csv')} download>
                  CSV
                </a>{' '}
                <a href={download('xlsx')} download>
                  XLSX
                </a>{' '}
                <a href={download('geojson')} download>
                  GeoJSON
                </a>{' '}
                · <a href={href('/map', filters)}>{t('projects.onMap')}</a>
              </p>
            </div>
            {p.items.length === 0 ? (
              <p>{t('projects.none')}</p>
            ) : (
              <div class="table-wrap">
                <table class="projects">
                  <caption class="visually-hidden">{t('projects.caption')}</caption>
                  <thead>
                    <tr>
                      {columns.map((c) => {
                        const state =
                          sort === c.sort ? 'ascending' : sort === `-${c.sort}` ? 'descending' : undefined;
                        return (
                          <th key={c.label} scope="col" class={c.numeric ? 'num' : ''} aria-sort={state}>
                            {c.sort ? (
                              <button
                                type="button"
                                class="sort"
                                onClick={() =>
                                  go({ sort: state === 'ascending' ? `-${c.sort}` : (c.sort ?? '') })
                                }
                              >
                                {t(c.label)}
                                <span aria-hidden="true">
                                  {state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ' ↕'}
                                </span>
                              </button>
                            ) : (
                              t(c.label)
                            )}
                          </th>
                        );
                      })}
                    </tr>
                  </thead>
                  <tbody>
                    {p.items.map((item) => (
                      <Row key={item.id} p={item} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <nav class="pager" aria-label={t('common.pages')}>
              <button
                type="button"
                disabled={back.length === 0 && !cursor}
                onClick={() => go({ cursor: back[back.length - 1] || undefined, back: back.slice(0, -1) })}
              >
                {t('common.previous')}
              </button>
              <button
                type="button"
                disabled={!p.next}
                onClick={() => go({ cursor: p.next ?? undefined, back: [...back, cursor] })}
              >
                {t('common.next')}
              </button>
            </nav>
          </>
        )}
      </Show>
    </section>
  );
}
