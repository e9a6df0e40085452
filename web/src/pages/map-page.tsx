import { useMemo } from 'preact/hooks';
import type { FacetEntry } from '../api';
import { filtersOf, ProjectFilters } from '../components/project-filters';
import { Show } from '../components/status';
import { useI18n } from '../i18n';
import { otherColor, sectorColors } from '../map/colors';
import { ProjectMap, type MapPoint } from '../map/project-map';
import { useTitle } from '../title';
import { useFetch, type Early } from '../use-fetch';
import { mapRequests } from './map-requests';

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
        <li>
          <span class="ring double" aria-hidden="true" /> {t('map.stackLegend')}
        </li>
        <li>{t('map.size')}</li>
      </ul>
    </div>
  );
}

/**
 * The map of projects with the same filters as the list. `early`: its requests, when the route started them
 * while this page's chunk was loading (`startMapRequests`).
 */
export function MapPage({ query, early }: { query: URLSearchParams; early?: Early }) {
  const { t, tn, href } = useI18n();
  useTitle(t('nav.map'));
  const filters = filtersOf(query);
  const paths = mapRequests(query);
  const points = useFetch<Points>(paths.points, 0, early);
  const facets = useFetch<{ facets?: Record<string, FacetEntry[]> }>(paths.facets, 0, early);
  // The same vnode until new points come: the facets and the country names arriving redraw the filters only.
  const items = points.state === 'done' ? points.data.items : null;
  const map = useMemo(() => items && <ProjectMap points={items} />, [items]);
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
              {map}
              <Legend />
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
