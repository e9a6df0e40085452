import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api';

/** The state of a GET: loading, its data, or its error message. */
export type Fetched<T> =
  { state: 'loading' } | { state: 'done'; data: T } | { state: 'error'; message: string };

/** GETs an API path, again whenever the path changes; an older request is aborted. */
export function useFetch<T>(path: string): Fetched<T> {
  const [result, setResult] = useState<Fetched<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    getJson<T>(path, controller.signal).then(
      (data) => setResult({ state: 'done', data }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setResult({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [path]);
  return result;
}
