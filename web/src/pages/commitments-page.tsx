import type { CommitmentNode } from '../api';
import { Show } from '../components/status';
import { useI18n } from '../i18n';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

function Node({ node, depth }: { node: CommitmentNode; depth: number }) {
  const i18n = useI18n();
  const { t, tn, href } = i18n;
  const projects = node.projects ?? [];
  const evidence = node.evidence ?? [];
  const body = (
    <>
      <div class="meta">
        {typeof node.kind === 'string' && <span>{i18n.kind(node.kind)}</span>}
        <span>
          {t('filter.status')}: {node.status ? i18n.status(node.status) : t('commitments.noStatus')}
        </span>
        <span>{tn('count.sources', node.sources)}</span>
        <span>{tn('count.projects', projects.length)}</span>
      </div>
      {projects.length > 0 && (
        <ul class="linked-projects" aria-label={t('commitments.projects')}>
          {projects.map((p) => (
            <li key={p.id}>
              <a href={href(`/projects/${encodeURIComponent(p.id)}`)}>{p.name}</a>
            </li>
          ))}
        </ul>
      )}
      {evidence.length > 0 && (
        <ul class="evidence">
          {evidence.slice(0, 3).map((e) => (
            <li key={e.claimId}>
              <a
                class="quote"
                href={href(`/sources/${encodeURIComponent(e.sourceId)}`, { claim: e.claimId })}
              >
                “{e.quote}”
              </a>{' '}
              <span class="meta">{e.title ?? e.sourceId}</span>
            </li>
          ))}
        </ul>
      )}
      {node.children.length > 0 && (
        <ul class="tree">
          {node.children.map((c) => (
            <Node key={c.id} node={c} depth={depth + 1} />
          ))}
        </ul>
      )}
    </>
  );
  return (
    <li id={node.id} class="tree-node">
      <details open={depth === 0}>
        <summary>
          <strong>{i18n.entityName(node.id, node.name)}</strong>
          {node.status && <span class="badge">{i18n.status(node.status)}</span>}
        </summary>
        {body}
      </details>
    </li>
  );
}

/** The China–CELAC commitments (the Joint Action Plan 2025–2027, the Five Major Projects) as a tree. */
export function CommitmentsPage() {
  const { t } = useI18n();
  useTitle(t('nav.commitments'));
  const tree = useFetch<{ items: CommitmentNode[] }>('/commitments');
  return (
    <section aria-labelledby="commitments-heading">
      <h1 id="commitments-heading">{t('nav.commitments')}</h1>
      <p class="muted">{t('commitments.intro')}</p>
      <Show data={tree}>
        {(r) =>
          r.items.length === 0 ? (
            <p>{t('commitments.none')}</p>
          ) : (
            <ul class="tree">
              {r.items.map((n) => (
                <Node key={n.id} node={n} depth={0} />
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}
