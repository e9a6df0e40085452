import { facetKeys, filterQuery, filtersOf } from '../components/project-filters';
import { loadCountries } from '../countries';
import { startFetches } from '../use-fetch';

/** The API paths the map page reads for a URL query: its points, and the filters' facets. */
export function mapRequests(query: URLSearchParams) {
  const api = filterQuery(filtersOf(query));
  return {
    points: `/projects/points${api ? `?${api}` : ''}`,
    facets: `/projects?limit=1&facets=${facetKeys.join(',')}${api ? `&${api}` : ''}`,
  };
}

/**
 * Starts the map page's requests (and the country names its filters show) before its chunk arrives: the page is
 * in a chunk of its own, and its points are its largest answer.
 */
export function startMapRequests({ query }: { query: URLSearchParams }) {
  loadCountries().catch(() => undefined);
  return startFetches(Object.values(mapRequests(query)));
}
