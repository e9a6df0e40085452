import type { FacetEntry } from '../api';
import { facetKeys, filterQuery, filtersOf, ProjectFilters } from '../components/project-filters';
import { Show } from '../components/status';
import { useI18n } from '../i18n';
import { otherColor, sectorColors } from '../map/colors';
import { ProjectMap, type MapPoint } from '../map/project-map';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

interface Points {
  items: MapPoint[];
  total: number;
  unlocated: number;
}

function Legend() {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div class="legend" aria-label={t('map.legend')} role="group">
      <ul>
        {sectorColors.map(([sector, color]) => (
          <li key={sector}>
            <span class="swatch" style={{ background: color }} aria-hidden="true" />
            {i18n.sector(sector)}
          </li>
        ))}
        <li>
          <span class="swatch" style={{ background: otherColor }} aria-hidden="true" />
          {t('map.otherSector')}
        </li>
      </ul>
      <ul>
        <li>
          <span class="ring solid" aria-hidden="true" /> {t('map.exact')}
        </li>
        <li>
          <span class="ring dashed" aria-hidden="true" /> {t('map.approximate')}
        </li>
        <li>{t('map.size')}</li>
      </ul>
    </div>
  );
}

/** The map of projects with the same filters as the list. */
export function MapPage({ query }: { query: URLSearchParams }) {
  const { t, tn, href } = useI18n();
  useTitle(t('nav.map'));
  const filters = filtersOf(query);
  const api = filterQuery(filters);
  const points = useFetch<Points>(`/projects/points${api ? `?${api}` : ''}`);
  const facets = useFetch<{ facets?: Record<string, FacetEntry[]> }>(
    `/projects?limit=1&facets=${facetKeys.join(',')}${api ? `&${api}` : ''}`,
  );
  return (
    <section aria-labelledby="map-heading" class="map-page">
      <h1 id="map-heading">{t('nav.map')}</h1>
      <ProjectFilters
        path="/map"
        filters={filters}
        facets={facets.state === 'done' ? facets.data.facets : undefined}
      />
      <Show data={points}>
        {(p) => (
          <>
            <p aria-live="polite">
              {t('map.shown', { located: tn('count.projects', p.items.length) })}{' '}
              {p.unlocated > 0 && (
                <a href={href('/projects', filters)}>{t('map.unlocated', { n: p.unlocated })}</a>
              )}
            </p>
            <div class="map-layout">
              <ProjectMap points={p.items} />
              <Legend />
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
