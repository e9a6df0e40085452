import type { EvidenceRef } from '../api';
import { useI18n } from '../i18n';

/** Where a claim's evidence is in the source reader: the source, with the claim selected and its span in view. */
export function useEvidenceHref(): (sourceId: string, claimId: string) => string {
  const { href } = useI18n();
  return (sourceId, claimId) => href(`/sources/${encodeURIComponent(sourceId)}`, { claim: claimId });
}

/** The quotes a value stands on, each linking to its exact span in the source reader. */
export function EvidenceList({ claims, limit = 3 }: { claims: EvidenceRef[]; limit?: number }) {
  const { t, date } = useI18n();
  const link = useEvidenceHref();
  const shown = claims.slice(0, limit);
  return (
    <ul class="evidence">
      {shown.map((c) => (
        <li key={c.claimId}>
          <a href={link(c.sourceId, c.claimId)} class="quote" data-claim-id={c.claimId}>
            “{c.quote}”
          </a>
          <span class="meta">
            {' '}
            {c.title ?? c.uri}
            {c.publishedAt && ` · ${date(c.publishedAt)}`}
          </span>
        </li>
      ))}
      {claims.length > shown.length && (
        <li class="muted">{t('project.moreEvidence', { n: claims.length - shown.length })}</li>
      )}
    </ul>
  );
}

/** Where an entity id leads in the app: a project's page, a country's profile, a commitment (policy), else a search. */
export function useEntityHref(): (id: string, name: string) => string {
  const { href } = useI18n();
  return (id, name) => {
    if (id.startsWith('project:')) return href(`/projects/${encodeURIComponent(id)}`);
    if (id.startsWith('country:')) return href(`/countries/${encodeURIComponent(id.slice(8))}`);
    if (id.startsWith('policy:')) return href('/commitments') + `#${encodeURIComponent(id)}`;
    return href('/search', { q: name });
  };
}
