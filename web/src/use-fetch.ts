import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson } from './api';

/** The state of a GET: loading, its data, or its error message. */
export type Fetched<T> =
  { state: 'loading' } | { state: 'done'; data: T } | { state: 'error'; message: string };

/** A GET started before the component that reads it was loaded, and its result once it has one. */
export interface EarlyFetch {
  request: Promise<unknown>;
  result?: Fetched<unknown>;
}

/** GETs already under way, by API path. */
export type Early = ReadonlyMap<string, EarlyFetch>;

const failed = (error: unknown): Fetched<never> => ({
  state: 'error',
  message: error instanceof Error ? error.message : String(error),
});

/** A request under way, which notes its result when it has one. */
export function earlyFetch(request: Promise<unknown>): EarlyFetch {
  const early: EarlyFetch = { request };
  request.then(
    (data) => (early.result = { state: 'done', data }),
    (error: unknown) => (early.result = failed(error)),
  );
  return early;
}

/** Starts the GETs of `paths` now (a lazily loaded page passes them to its `useFetch` calls as `early`). */
export const startFetches = (paths: string[]): Early =>
  new Map(paths.map((path) => [path, earlyFetch(getJson<unknown>(path))]));

/**
 * GETs an API path, again whenever the path or `version` changes; an older request is aborted. A null path
 * fetches nothing. A request of the same path in `early` (started while the page's chunk was loading) is used
 * instead of a new one, the first time only; when it has its answer already, the first render shows it.
 */
export function useFetch<T>(path: string | null, version = 0, early?: Early): Fetched<T> {
  const [head] = useState(() => (path === null ? undefined : early?.get(path)));
  const [result, setResult] = useState<Fetched<T>>(
    () => (head?.result as Fetched<T> | undefined) ?? { state: 'loading' },
  );
  const first = useRef(true);
  useEffect(() => {
    const fromHead = first.current ? head : undefined;
    first.current = false;
    if (path === null) return;
    // Answered already: shown by the first render, or since (a no-op when it is the state already).
    if (fromHead?.result) {
      setResult(fromHead.result as Fetched<T>);
      return;
    }
    const controller = new AbortController();
    if (!fromHead) setResult({ state: 'loading' });
    ((fromHead?.request as Promise<T> | undefined) ?? getJson<T>(path, controller.signal)).then(
      (data) => {
        // An aborted request's body can read as empty; a newer request owns the state then.
        if (!controller.signal.aborted) setResult({ state: 'done', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult(failed(error));
      },
    );
    return () => controller.abort();
  }, [path, version]);
  return result;
}
