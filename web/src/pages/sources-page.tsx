import { useState } from 'preact/hooks';
import type { Page, SourceSummary } from '../api';
import { Show } from '../components/status';
import { sourceLabel } from '../format';
import { useI18n } from '../i18n';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

type Kind = 'document' | 'dataset';

/**
 * The list of sources, newest first, a page at a time: the documents (articles, reports, feed items), or the
 * dataset records imported with `puente import` (AidData GCDF), one list at a time.
 */
export function SourcesPage() {
  const i18n = useI18n();
  const { t, tn, href } = i18n;
  useTitle(t('nav.sources'));
  const [kind, setKind] = useState<Kind>('document');
  const [cursor, setCursor] = useState<string | null>(null);
  const [history, setHistory] = useState<(string | null)[]>([]);
  const page = useFetch<Page<SourceSummary>>(
    `/sources?limit=25&kind=${kind}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
  const show = (k: Kind) => {
    setKind(k);
    setCursor(null);
    setHistory([]);
  };
  return (
    <section aria-labelledby="sources-heading">
      <h1 id="sources-heading">{t('nav.sources')}</h1>
      <div class="kind-switch" role="group" aria-label={t('sources.which')}>
        <button type="button" aria-pressed={kind === 'document'} onClick={() => show('document')}>
          {t('sources.documents')}
        </button>
        <button type="button" aria-pressed={kind === 'dataset'} onClick={() => show('dataset')}>
          {t('sources.records')}
        </button>
      </div>
      <Show data={page}>
        {({ items, total, next }) => (
          <>
            <p class="muted">
              {kind === 'document'
                ? t('sources.documentsNote', { n: i18n.number(total) })
                : t('sources.recordsNote', { n: i18n.number(total) })}
            </p>
            {items.length === 0 ? (
              <p>
                {t('sources.none')} <code>npx puente ingest PATH</code>
              </p>
            ) : (
              <ul class="source-list">
                {items.map((s) => (
                  <li key={s.id}>
                    <a
                      href={href(`/sources/${encodeURIComponent(s.id)}`)}
                      class="source-link"
                      data-source-id={s.id}
                    >
                      {sourceLabel(s)}
                    </a>
                    <div class="meta">
                      <span>{s.uri}</span>
                      {s.language && <span>{s.language}</span>}
                      {s.publishedAt && <span>{i18n.date(s.publishedAt)}</span>}
                      <span>{tn('count.paragraphs', s.paragraphs)}</span>
                      {s.duplicateParagraphs > 0 && (
                        <span class="dup-count">{t('reader.duplicates', { n: s.duplicateParagraphs })}</span>
                      )}
                      <span>{tn('count.claims', s.claims)}</span>
                      {s.duplicateOf && (
                        <a class="dup-count" href={href(`/sources/${encodeURIComponent(s.duplicateOf)}`)}>
                          {s.duplicateKind === 'exact'
                            ? t('reader.exactCopyOf')
                            : t('reader.nearCopyOf', { similarity: s.similarity ?? '' })}{' '}
                          {s.duplicateOf}
                        </a>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <nav class="pager" aria-label={t('common.pages')}>
              <button
                type="button"
                disabled={history.length === 0}
                onClick={() => {
                  setCursor(history[history.length - 1] ?? null);
                  setHistory(history.slice(0, -1));
                }}
              >
                {t('common.previous')}
              </button>
              <button
                type="button"
                disabled={!next}
                onClick={() => {
                  setHistory([...history, cursor]);
                  setCursor(next);
                }}
              >
                {t('common.next')}
              </button>
            </nav>
          </>
        )}
      </Show>
    </section>
  );
}
