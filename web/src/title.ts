import { useEffect } from 'preact/hooks';

/** Sets the browser tab's title for the page. */
export function useTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} · Puente` : 'Puente';
  }, [title]);
}
