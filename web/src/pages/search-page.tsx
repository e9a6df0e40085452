import type { SearchHit } from '../api';
import { useEntityHref } from '../components/evidence';
import { Show } from '../components/status';
import { useI18n } from '../i18n';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

/** Search results across sources and registry entities, best first. */
export function SearchPage({ q, kind }: { q: string; kind: string | null }) {
  const i18n = useI18n();
  const { t, href } = i18n;
  useTitle(q ? t('search.titleFor', { q }) : t('search.label'));
  const entityHref = useEntityHref();
  const results = useFetch<{ items: SearchHit[] }>(
    q
      ? `/search?q=${encodeURIComponent(q)}${kind ? `&kind=${encodeURIComponent(kind)}` : ''}&limit=50`
      : null,
  );
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">{q ? t('search.titleFor', { q }) : t('search.label')}</h1>
      <nav class="kind-switch" aria-label={t('search.kinds')}>
        {[null, 'source', 'entity'].map((k) => (
          <a
            key={k ?? 'all'}
            href={href('/search', { q, kind: k })}
            aria-current={kind === k ? 'true' : undefined}
          >
            {k === 'source' ? t('nav.sources') : k === 'entity' ? t('search.entities') : t('filter.all')}
          </a>
        ))}
      </nav>
      {!q ? (
        <p>{t('search.empty')}</p>
      ) : (
        <Show data={results}>
          {(r) =>
            r.items.length === 0 ? (
              <p>{t('search.none', { q })}</p>
            ) : (
              <ol class="search-results">
                {r.items.map((hit) => (
                  <li key={`${hit.kind}:${hit.id}`}>
                    <a
                      href={
                        hit.kind === 'source'
                          ? href(`/sources/${encodeURIComponent(hit.id)}`)
                          : entityHref(hit.id, hit.title)
                      }
                    >
                      {hit.title}
                    </a>{' '}
                    <span class="badge">
                      {hit.kind === 'source' ? t('search.source') : i18n.type(hit.type ?? '')}
                    </span>
                    <p class="snippet">{hit.snippet}</p>
                  </li>
                ))}
              </ol>
            )
          }
        </Show>
      )}
    </section>
  );
}
