import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api';

/** The state of a GET: loading, its data, or its error message. */
export type Fetched<T> =
  { state: 'loading' } | { state: 'done'; data: T } | { state: 'error'; message: string };

/** GETs already under way, by API path, started before the component that reads them was loaded. */
export type Early = ReadonlyMap<string, Promise<unknown>>;

/** Starts the GETs of `paths` now (a lazily loaded page passes them to its `useFetch` calls as `early`). */
export const startFetches = (paths: string[]): Early =>
  new Map(
    paths.map((path) => {
      const request = getJson<unknown>(path);
      request.catch(() => undefined); // its reader reports the error; an unread one is not unhandled
      return [path, request];
    }),
  );

/**
 * GETs an API path, again whenever the path or `version` changes; an older request is aborted. A null path
 * fetches nothing. A request of the same path in `early` (started while the page's chunk was loading) is used
 * instead of a new one, the first time only.
 */
export function useFetch<T>(path: string | null, version = 0, early?: Early): Fetched<T> {
  const [result, setResult] = useState<Fetched<T>>({ state: 'loading' });
  const [started] = useState(() => ({ early, taken: false }));
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setResult({ state: 'loading' });
    const head = started.taken ? undefined : (started.early?.get(path) as Promise<T> | undefined);
    started.taken = true;
    (head ?? getJson<T>(path, controller.signal)).then(
      (data) => {
        // An aborted request's body can read as empty; a newer request owns the state then.
        if (!controller.signal.aborted) setResult({ state: 'done', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setResult({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [path, version]);
  return result;
}
