import { useState } from 'preact/hooks';
import type { Page, SourceSummary } from '../api';
import { sourceLabel } from '../format';
import { useFetch } from '../use-fetch';

type Kind = 'document' | 'dataset';

/**
 * The list of sources, newest first, a page at a time: the documents (articles, reports, feed items), or the
 * dataset records imported with `puente import` (AidData GCDF), one list at a time.
 */
export function SourcesPage() {
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
  const switcher = (
    <div class="kind-switch" role="group" aria-label="which sources">
      <button type="button" aria-pressed={kind === 'document'} onClick={() => show('document')}>
        Documents
      </button>
      <button type="button" aria-pressed={kind === 'dataset'} onClick={() => show('dataset')}>
        Dataset records
      </button>
    </div>
  );
  if (page.state === 'loading') return <p class="status">Loading sources…</p>;
  if (page.state === 'error')
    return (
      <p class="status error" role="alert">
        Could not load sources: {page.message}
      </p>
    );
  const { items, total, next } = page.data;
  return (
    <section aria-labelledby="sources-heading">
      <h1 id="sources-heading">Sources</h1>
      {switcher}
      <p class="muted">
        {kind === 'document'
          ? `${total} documents. Each claim Puente holds points to the exact words of one of them.`
          : `${total} dataset records (AidData GCDF 3.0 and other imports), each cited by its record page.`}
      </p>
      {items.length === 0 ? (
        <p>
          No sources yet. Ingest documents with <code>npx puente ingest PATH</code>.
        </p>
      ) : (
        <ul class="source-list">
          {items.map((s) => (
            <li key={s.id}>
              <a href={`/sources/${encodeURIComponent(s.id)}`} class="source-link" data-source-id={s.id}>
                {sourceLabel(s)}
              </a>
              <div class="meta">
                <span>{s.uri}</span>
                {s.language && <span>lang {s.language}</span>}
                <span>{s.paragraphs} paragraphs</span>
                {s.duplicateParagraphs > 0 && (
                  <span class="dup-count">{s.duplicateParagraphs} duplicate</span>
                )}
                <span>{s.claims} claims</span>
                {s.duplicateOf && (
                  <a class="dup-count" href={`/sources/${encodeURIComponent(s.duplicateOf)}`}>
                    {s.duplicateKind === 'exact' ? 'copy' : `near-duplicate (${s.similarity ?? ''})`} of{' '}
                    {s.duplicateOf}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <nav class="pager" aria-label="pages">
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() => {
            setCursor(history[history.length - 1] ?? null);
            setHistory(history.slice(0, -1));
          }}
        >
          Previous
        </button>
        <button
          type="button"
          disabled={!next}
          onClick={() => {
            setHistory([...history, cursor]);
            setCursor(next);
          }}
        >
          Next
        </button>
      </nav>
    </section>
  );
}
