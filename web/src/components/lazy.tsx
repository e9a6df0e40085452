import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Failed, Loading } from './status';

/**
 * A component loaded on first use from its own chunk (the map and the charts are heavy; the first page should not
 * wait for them).
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (component) return;
      pending ??= load().then((c) => (loaded = c));
      pending.then(
        (c) => setComponent(() => c),
        (e: unknown) => setError(String(e)),
      );
    }, [component]);
    if (error) return <Failed message={error} />;
    if (!component) return <Loading />;
    const Component = component;
    return <Component {...props} />;
  };
}
