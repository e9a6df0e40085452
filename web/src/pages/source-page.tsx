import { useMemo, useState } from 'preact/hooks';
import type { Claim, SourceDetail } from '../api';
import { formatValue, sourceLabel } from '../format';
import { segment, type Mark, type Segment } from '../segments';
import { useFetch } from '../use-fetch';

function Highlighted({
  seg,
  selected,
  onSelect,
}: {
  seg: Segment;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const claim = seg.marks.find((m) => m.kind === 'claim');
  const entity = seg.marks.find((m) => m.kind === 'entity');
  let node = <>{seg.text}</>;
  if (entity)
    node = (
      <span class="entity" data-entity-id={entity.id}>
        {node}
      </span>
    );
  if (claim) {
    node = (
      <mark
        class={claim.id === selected ? 'claim selected' : 'claim'}
        data-claim-id={claim.id}
        tabIndex={0}
        onClick={() => onSelect(claim.id)}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect(claim.id))}
      >
        {node}
      </mark>
    );
  }
  return node;
}

function ClaimItem({ claim, selected, onSelect }: { claim: Claim; selected: boolean; onSelect: () => void }) {
  return (
    <li class={selected ? 'selected' : ''} data-claim-id={claim.id}>
      <button type="button" class="claim-button" onClick={onSelect} aria-pressed={selected}>
        <strong>{claim.property}</strong> {formatValue(claim)}
        {claim.time && <> · {claim.time}</>}
      </button>
      <blockquote>“{claim.evidence.quote}”</blockquote>
      <div class="meta">
        <span>subject: {claim.subjectName ?? 'not linked yet'}</span>
        <span>
          {claim.origin.kind}: {claim.origin.name}
        </span>
        <span>{claim.reviewState}</span>
      </div>
    </li>
  );
}

// The first paragraph that says something (not a byline), to name a source that has no title.
const firstParagraph = (s: SourceDetail) =>
  s.paragraphs
    .map((p) => s.text.slice(p.start, p.end))
    .find((t) => t.length > 40 && !(s.byline && t.endsWith(s.byline))) ?? '';

/** The source reader: the document's text with claims highlighted at their offsets and repeated paragraphs greyed. */
export function SourcePage({ id }: { id: string }) {
  const source = useFetch<SourceDetail>(`/sources/${encodeURIComponent(id)}`);
  const [selected, setSelected] = useState<string | null>(null);
  const marks = useMemo<Mark[]>(() => {
    if (source.state !== 'done') return [];
    const { claims, entities } = source.data;
    return [
      ...claims.map((c): Mark => ({ kind: 'claim', id: c.id, start: c.evidence.start, end: c.evidence.end })),
      ...entities.flatMap((e) => e.mentions.map((m): Mark => ({ kind: 'entity', id: e.id, ...m }))),
    ];
  }, [source]);
  if (source.state === 'loading') return <p class="status">Loading source…</p>;
  if (source.state === 'error')
    return (
      <p class="status error" role="alert">
        Could not load this source: {source.message}
      </p>
    );
  const s = source.data;
  const select = (claimId: string) => {
    setSelected(claimId);
    document
      .querySelector(`li[data-claim-id="${CSS.escape(claimId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <article class="reader">
      <header>
        <p>
          <a href="/">← All sources</a>
        </p>
        <h1>{s.title ?? sourceLabel({ title: null, uri: s.uri, excerpt: firstParagraph(s) })}</h1>
        <div class="meta">
          {s.byline && <span>by {s.byline}</span>}
          {s.language && <span>lang {s.language}</span>}
          {s.publishedAt && <span>published {s.publishedAt}</span>}
          <span>
            {s.paragraphs.length} paragraphs,{' '}
            {s.paragraphs.filter((p) => p.duplicateOf !== null || p.repeats !== null).length} duplicate
          </span>
          <span>{s.uri}</span>
        </div>
      </header>
      <div class="reader-body">
        <div class="text" lang={s.language ?? undefined}>
          {s.paragraphs.map((p) => (
            <p
              key={p.index}
              id={`p${p.index}`}
              class={p.duplicateOf === null && p.repeats === null ? 'para' : 'para duplicate'}
              title={
                p.duplicateOf !== null
                  ? `Repeats paragraph ${p.duplicateOf + 1}: not extracted again`
                  : p.repeats !== null
                    ? 'Word for word in a source stored earlier: its claims are counted there'
                    : undefined
              }
            >
              {p.duplicateOf !== null && <span class="dup-label">repeat of ¶{p.duplicateOf + 1}</span>}
              {p.repeats !== null && (
                <a
                  class="dup-label"
                  href={`/sources/${encodeURIComponent(p.repeats.sourceId)}#p${p.repeats.index}`}
                >
                  also in {p.repeats.sourceId} ¶{p.repeats.index + 1}
                </a>
              )}
              {segment(s.text, p.start, p.end, marks).map((seg) => (
                <Highlighted key={seg.start} seg={seg} selected={selected} onSelect={select} />
              ))}
            </p>
          ))}
        </div>
        <aside aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims ({s.claimsTotal})</h2>
          {s.claimsTotal > s.claims.length && (
            <p class="muted">
              Showing the first {s.claims.length}; all of them are in the claims list and its CSV.
            </p>
          )}
          {s.claims.length === 0 ? (
            <p class="muted">No claims found in this source.</p>
          ) : (
            <ol class="claim-list">
              {s.claims.map((c) => (
                <ClaimItem key={c.id} claim={c} selected={c.id === selected} onSelect={() => select(c.id)} />
              ))}
            </ol>
          )}
          <h2>Entities ({s.entities.length})</h2>
          <ul class="entity-list">
            {s.entities.map((e) => (
              <li key={e.id}>
                {e.name}{' '}
                <span class="muted">
                  {e.type} · {e.mentions.length}×
                </span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </article>
  );
}
