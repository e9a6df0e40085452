import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Early } from '../use-fetch';
import { Failed, Loading } from './status';

/**
 * A component loaded on first use from its own chunk (the map and the charts are heavy; the first page should not
 * wait for them). The chunk is asked for as soon as the component is first rendered. `start`, when given, starts
 * the component's own API requests at the same time, so they do not wait for its chunk: the component gets them
 * as its `early` prop (for `useFetch`).
 */
export function lazy<P extends object>(
  load: () => Promise<ComponentType<P & { early?: Early }>>,
  start?: (props: P) => Early,
): ComponentType<P> {
  let loaded: ComponentType<P & { early?: Early }> | null = null;
  let pending: Promise<ComponentType<P & { early?: Early }>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState(() => loaded);
    const [error, setError] = useState<string | null>(null);
    if (!component && !pending) {
      pending = load().then((c) => (loaded = c));
      pending.catch(() => undefined); // reported by the effect below
    }
    // Only while the chunk is still to come (asked for first, as the server answers in turn): once loaded, the
    // component starts its requests itself.
    const [early] = useState(() => (loaded ? undefined : start?.(props)));
    useEffect(() => {
      if (component || !pending) return;
      pending.then(
        (c) => setComponent(() => c),
        (e: unknown) => setError(String(e)),
      );
    }, [component]);
    if (error) return <Failed message={error} />;
    if (!component) return <Loading />;
    const Component = component;
    return <Component {...props} early={early} />;
  };
}
