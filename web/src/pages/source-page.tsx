import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Claim, SourceDetail } from '../api';
import { useEntityHref } from '../components/evidence';
import { Show } from '../components/status';
import { formatValue, sourceLabel } from '../format';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { segment, type Mark, type Segment } from '../segments';
import { useTitle } from '../title';
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
  const passage = seg.marks.find((m) => m.kind === 'passage');
  let node = <>{seg.text}</>;
  if (entity)
    node = (
      <span class="entity" data-entity-id={entity.id}>
        {node}
      </span>
    );
  if (passage) node = <span class="passage">{node}</span>;
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

/** The selected claim: what it says and what it is linked to. */
function ClaimDetail({ claim }: { claim: Claim }) {
  const i18n = useI18n();
  const { t } = i18n;
  const entityHref = useEntityHref();
  const valueEntity = claim.value.entityId;
  return (
    <section class="claim-detail" aria-labelledby="claim-detail-heading" aria-live="polite">
      <h2 id="claim-detail-heading">{t('reader.selected')}</h2>
      <p>
        <strong>{i18n.property(claim.property)}</strong>:{' '}
        {formatValue(i18n, claim.value, claim.qualifier, claim.property)}
        {claim.time && <> · {i18n.date(claim.time)}</>}
      </p>
      <blockquote>“{claim.evidence.quote}”</blockquote>
      <dl class="facts small">
        <div>
          <dt>{t('reader.subject')}</dt>
          <dd>
            {claim.subjectId ? (
              <a href={entityHref(claim.subjectId, claim.subjectName ?? '')}>
                {claim.subjectName ?? claim.subjectId}
              </a>
            ) : (
              (claim.subjectName ?? t('reader.notLinked'))
            )}
          </dd>
        </div>
        {valueEntity && (
          <div>
            <dt>{t('reader.linkedTo')}</dt>
            <dd>
              <a href={entityHref(valueEntity, claim.value.name ?? '')}>{claim.value.name ?? valueEntity}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('reader.origin')}</dt>
          <dd>
            {i18n.origin(claim.origin.kind)}: {claim.origin.name}
          </dd>
        </div>
        <div>
          <dt>{t('reader.review')}</dt>
          <dd>{i18n.status(claim.reviewState)}</dd>
        </div>
      </dl>
    </section>
  );
}

function ClaimItem({ claim, selected, onSelect }: { claim: Claim; selected: boolean; onSelect: () => void }) {
  const i18n = useI18n();
  return (
    <li class={selected ? 'selected' : ''} data-claim-id={claim.id}>
      <button type="button" class="claim-button" onClick={onSelect} aria-pressed={selected}>
        <strong>{i18n.property(claim.property)}</strong>{' '}
        {formatValue(i18n, claim.value, claim.qualifier, claim.property)}
        {claim.time && <> · {i18n.date(claim.time)}</>}
      </button>
      <div class="meta">
        <span>{claim.subjectName ?? i18n.t('reader.notLinked')}</span>
        <span>{i18n.status(claim.reviewState)}</span>
      </div>
    </li>
  );
}

// The first paragraph that says something (not a byline), to name a source that has no title.
const firstParagraph = (s: SourceDetail) =>
  s.paragraphs
    .map((p) => s.text.slice(p.start, p.end))
    .find((t) => t.length > 40 && !(s.byline && t.endsWith(s.byline))) ?? '';

function Copies({ s }: { s: SourceDetail }) {
  const { t, href, date } = useI18n();
  const copies = s.copies ?? [];
  if (!s.duplicateOf && copies.length === 0) return null;
  return (
    <section class="copies" aria-labelledby="copies-heading">
      <h2 id="copies-heading">{t('reader.copies')}</h2>
      {s.duplicateOf && (
        <p>
          {s.duplicateKind === 'exact'
            ? t('reader.exactCopyOf')
            : t('reader.nearCopyOf', { similarity: s.similarity ?? '' })}{' '}
          <a href={href(`/sources/${encodeURIComponent(s.duplicateOf)}`)}>{s.duplicateOf}</a>
        </p>
      )}
      {copies.length > 0 && (
        <ul>
          {copies.map((c) => (
            <li key={c.id}>
              <a href={href(`/sources/${encodeURIComponent(c.id)}`)}>{c.title ?? c.uri}</a>
              {c.publishedAt && <span class="muted"> · {date(c.publishedAt)}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `?at=start-end`: a passage of the text (a sentence a mechanism is named in), else null. */
function passageAt(at: string | null, length: number): Mark | null {
  const m = /^(\d+)-(\d+)$/.exec(at ?? '');
  const start = Number(m?.[1]);
  const end = Number(m?.[2]);
  return m && start < end && end <= length ? { kind: 'passage', id: 'at', start, end } : null;
}

/**
 * The source reader: the document's text with claims highlighted at their offsets and repeated paragraphs greyed.
 * `claim` (from `?claim=`) is selected and scrolled to, so evidence links land on their exact span; `at`
 * (`?at=start-end`, offsets in the text) underlines a passage that is not a claim's and scrolls to it.
 */
export function SourcePage({ id, claim, at }: { id: string; claim: string | null; at: string | null }) {
  const i18n = useI18n();
  const { t, tn, href } = i18n;
  const source = useFetch<SourceDetail>(`/sources/${encodeURIComponent(id)}`);
  const [selected, setSelected] = useState<string | null>(claim);
  useEffect(() => setSelected(claim), [claim, id]);
  const marks = useMemo<Mark[]>(() => {
    if (source.state !== 'done') return [];
    const { claims, entities, text } = source.data;
    const passage = passageAt(at, text.length);
    return [
      ...claims.map((c): Mark => ({ kind: 'claim', id: c.id, start: c.evidence.start, end: c.evidence.end })),
      ...entities.flatMap((e) => e.mentions.map((m): Mark => ({ kind: 'entity', id: e.id, ...m }))),
      ...(passage ? [passage] : []),
    ];
  }, [source, at]);
  const title =
    source.state === 'done'
      ? (source.data.title ??
        sourceLabel({ title: null, uri: source.data.uri, excerpt: firstParagraph(source.data) }))
      : null;
  useTitle(title);
  // The passage or claim asked for in the URL is brought into view once the text is there.
  useEffect(() => {
    if (source.state !== 'done') return;
    const passage = document.querySelector<HTMLElement>('.reader .passage');
    const mark = claim
      ? document.querySelector<HTMLElement>(`mark[data-claim-id="${CSS.escape(claim)}"]`)
      : null;
    (passage ?? mark)?.scrollIntoView({ block: 'center' });
    mark?.focus({ preventScroll: true });
  }, [source.state, claim, at]);
  const select = (claimId: string) => {
    setSelected(claimId);
    navigate(href(`/sources/${encodeURIComponent(id)}`, { claim: claimId }), { replace: true });
  };
  return (
    <Show data={source}>
      {(s) => {
        const chosen = s.claims.find((c) => c.id === selected);
        return (
          <article class="reader">
            <header>
              <p>
                <a href={href('/sources')}>← {t('reader.allSources')}</a>
              </p>
              <h1>{title}</h1>
              <div class="meta">
                {s.byline && <span>{t('reader.by', { byline: s.byline })}</span>}
                {s.language && <span>{s.language}</span>}
                {s.publishedAt && <span>{i18n.date(s.publishedAt)}</span>}
                <span>
                  {tn('count.paragraphs', s.paragraphs.length)},{' '}
                  {t('reader.duplicates', {
                    n: s.paragraphs.filter((p) => p.duplicateOf !== null || p.repeats !== null).length,
                  })}
                </span>
                {/^https?:\/\//.test(s.uri) ? (
                  <a href={s.uri} rel="noopener noreferrer nofollow" target="_blank">
                    {s.uri}
                  </a>
                ) : (
                  <span>{s.uri}</span>
                )}
              </div>
            </header>
            <Copies s={s} />
            <div class="reader-body">
              <div class="text" lang={s.language ?? undefined}>
                {s.paragraphs.map((p) => (
                  <p
                    key={p.index}
                    id={`p${p.index}`}
                    class={p.duplicateOf === null && p.repeats === null ? 'para' : 'para duplicate'}
                    title={
                      p.duplicateOf !== null
                        ? t('reader.repeatTitle', { n: p.duplicateOf + 1 })
                        : p.repeats !== null
                          ? t('reader.elsewhereTitle')
                          : undefined
                    }
                  >
                    {p.duplicateOf !== null && (
                      <span class="dup-label">{t('reader.repeatOf', { n: p.duplicateOf + 1 })}</span>
                    )}
                    {p.repeats !== null && (
                      <a
                        class="dup-label"
                        href={
                          href(`/sources/${encodeURIComponent(p.repeats.sourceId)}`) + `#p${p.repeats.index}`
                        }
                      >
                        {t('reader.alsoIn', { source: p.repeats.sourceId, n: p.repeats.index + 1 })}
                      </a>
                    )}
                    {segment(s.text, p.start, p.end, marks).map((seg) => (
                      <Highlighted key={seg.start} seg={seg} selected={selected} onSelect={select} />
                    ))}
                  </p>
                ))}
              </div>
              <aside aria-labelledby="claims-heading">
                {chosen && <ClaimDetail claim={chosen} />}
                <h2 id="claims-heading">{t('reader.claims', { n: i18n.number(s.claimsTotal) })}</h2>
                {s.claimsTotal > s.claims.length && (
                  <p class="muted">{t('reader.firstClaims', { n: s.claims.length })}</p>
                )}
                {s.claims.length === 0 ? (
                  <p class="muted">{t('reader.noClaims')}</p>
                ) : (
                  <ol class="claim-list">
                    {s.claims.map((c) => (
                      <ClaimItem
                        key={c.id}
                        claim={c}
                        selected={c.id === selected}
                        onSelect={() => select(c.id)}
                      />
                    ))}
                  </ol>
                )}
                <h2>{t('reader.entities', { n: s.entities.length })}</h2>
                <ul class="entity-list">
                  {s.entities.map((e) => (
                    <li key={e.id}>
                      {e.name}{' '}
                      <span class="muted">
                        {i18n.type(e.type)} · {e.mentions.length}×
                      </span>
                    </li>
                  ))}
                </ul>
              </aside>
            </div>
          </article>
        );
      }}
    </Show>
  );
}
