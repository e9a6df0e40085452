import { useEffect, useState } from 'preact/hooks';

/** Navigates inside the app without a page load. */
export function navigate(path: string, { replace = false } = {}) {
  if (path === location.pathname + location.search + location.hash) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** Where the app is: the path and the query, updated on navigation and on the browser's back and forward. */
export interface Place {
  path: string;
  query: URLSearchParams;
  /** path and query as one string, for effects that depend on both */
  key: string;
}

const here = (): Place => ({
  path: location.pathname,
  query: new URLSearchParams(location.search),
  key: location.pathname + location.search,
});

export function usePlace(): Place {
  const [place, setPlace] = useState(here);
  useEffect(() => {
    const update = () => setPlace(here());
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return place;
}

/**
 * A query string from parameters, leaving out empty ones (`?a=1&b=x`, or '' when none is left). Arrays give
 * one parameter per value.
 */
export function queryString(params: Record<string, string | number | null | undefined | string[]>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value])
      if (v !== null && v !== undefined && v !== '') q.append(key, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Handles a click on an in-app link: plain left clicks navigate in place, others behave as the browser does. */
export function linkClick(event: MouseEvent) {
  const anchor = (event.target as Element | null)?.closest('a');
  if (!anchor || anchor.origin !== location.origin || anchor.target || anchor.hasAttribute('download'))
    return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (anchor.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search + anchor.hash);
}
