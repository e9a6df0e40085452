import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api';

/** The state of a GET: loading, its data, or its error message. */
export type Fetched<T> =
  { state: 'loading' } | { state: 'done'; data: T } | { state: 'error'; message: string };

/**
 * GETs an API path, again whenever the path or `version` changes; an older request is aborted. A null path
 * fetches nothing.
 */
export function useFetch<T>(path: string | null, version = 0): Fetched<T> {
  const [result, setResult] = useState<Fetched<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setResult({ state: 'loading' });
    getJson<T>(path, controller.signal).then(
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
