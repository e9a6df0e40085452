import type { Participant, ProjectDetail, PropertyView, Revision, ValueView } from '../api';
import { EvidenceList } from '../components/evidence';
import { lazy } from '../components/lazy';
import { Show } from '../components/status';
import { useCountryName } from '../countries';
import { formatValue } from '../format';
import { useI18n, type I18n } from '../i18n';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

const MiniMap = lazy(() => import('../map/mini-map').then((m) => m.MiniMap));

/** Properties whose values are the project's participants. */
const participantRoles = [
  'investor',
  'contractor',
  'lender',
  'donor',
  'operator',
  'financier',
  'developer',
  'owner',
];

const valueText = (i18n: I18n, property: string, v: ValueView) =>
  formatValue(i18n, v.value, v.qualifier, property);

function participantsOf(p: ProjectDetail): Participant[] {
  if (p.participants && p.participants.length > 0) return p.participants;
  return p.properties
    .filter((prop) => participantRoles.includes(prop.property))
    .flatMap((prop) =>
      [prop.preferred, ...prop.alternatives].map((v) => ({
        entityId: null,
        name: v.value.name ?? v.value.text ?? v.value.value ?? '',
        role: prop.property,
        chinese: false,
      })),
    );
}

function ValueCell({ property, view }: { property: string; view: ValueView }) {
  const i18n = useI18n();
  const { t, tn, date } = i18n;
  return (
    <div class="value-view">
      <p>
        <strong>{valueText(i18n, property, view)}</strong>
        {view.time && <span class="muted"> · {date(view.time)}</span>}
        {view.money?.constantUsd != null && view.value.currency !== 'USD' && (
          <span class="muted">
            {' '}
            · {t('project.constant', { amount: i18n.money(view.money.constantUsd) })}
          </span>
        )}
        <span class="muted"> · {tn('count.sources', view.sources)}</span>
      </p>
      <EvidenceList claims={view.claims} />
    </div>
  );
}

function PropertyRow({ prop }: { prop: PropertyView }) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  return (
    <tr class={prop.conflict ? 'conflicting' : ''} data-property={prop.property}>
      <th scope="row">
        {i18n.property(prop.property)}
        {prop.conflict && <span class="badge conflict">{t('project.conflict')}</span>}
      </th>
      <td>
        <ValueCell property={prop.property} view={prop.preferred} />
        <p class="meta">{t('project.rule', { rule: prop.rule })}</p>
      </td>
      <td>
        {prop.alternatives.length === 0 ? (
          <span class="muted">{t('project.noAlternatives')}</span>
        ) : (
          <details>
            <summary>{tn('count.alternatives', prop.alternatives.length)}</summary>
            <ul class="alternatives">
              {prop.alternatives.map((a, i) => (
                <li key={i}>
                  <ValueCell property={prop.property} view={a} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}

function StatusTimeline({ prop }: { prop: PropertyView | undefined }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  if (!prop) return <p class="muted">{t('project.noStatus')}</p>;
  const steps = [prop.preferred, ...prop.alternatives].sort((a, b) =>
    (a.time ?? '9999').localeCompare(b.time ?? '9999'),
  );
  return (
    <ol class="timeline">
      {steps.map((s, i) => (
        <li key={i} class={s === prop.preferred ? 'current' : ''}>
          <span class="when">{s.time ? date(s.time) : t('project.undated')}</span>{' '}
          <strong>{valueText(i18n, 'status', s)}</strong>
          {s === prop.preferred && <span class="badge">{t('project.preferred')}</span>}
          <EvidenceList claims={s.claims} limit={1} />
        </li>
      ))}
    </ol>
  );
}

function History({ id }: { id: string }) {
  const { t, date } = useI18n();
  const revisions = useFetch<{ items: Revision[] }>(`/projects/${encodeURIComponent(id)}/revisions`);
  return (
    <Show data={revisions}>
      {(r) => (
        <ol class="revisions">
          {r.items.slice(-30).map((rev) => (
            <li key={rev.id}>
              <span class="when">{date(rev.at.slice(0, 10))}</span> {rev.actor} · {rev.action} ·{' '}
              <code>{rev.targetId}</code>
              {rev.why && <span class="muted"> · {rev.why}</span>}
            </li>
          ))}
          {r.items.length === 0 && <li class="muted">{t('project.noHistory')}</li>}
        </ol>
      )}
    </Show>
  );
}

/** One project: each property's preferred value and its alternatives, with the quotes they stand on. */
export function ProjectPage({ id }: { id: string }) {
  const project = useFetch<ProjectDetail>(`/projects/${encodeURIComponent(id)}`);
  const i18n = useI18n();
  const { t, tn, href } = i18n;
  const countryName = useCountryName();
  useTitle(project.state === 'done' ? project.data.name : t('nav.projects'));
  return (
    <Show data={project}>
      {(p) => {
        const participants = participantsOf(p);
        const others = p.properties.filter((x) => x.property !== 'status');
        return (
          <article class="project" aria-labelledby="project-heading">
            <p>
              <a href={href('/projects')}>← {t('nav.projects')}</a>
            </p>
            <h1 id="project-heading">{p.name}</h1>
            <dl class="facts">
              <div>
                <dt>{t('filter.country')}</dt>
                <dd>
                  {p.countries.map((c, i) => (
                    <span key={c}>
                      {i > 0 && ', '}
                      <a href={href(`/countries/${encodeURIComponent(c)}`)}>{countryName(c)}</a>
                    </span>
                  ))}
                </dd>
              </div>
              <div>
                <dt>{t('filter.sector')}</dt>
                <dd>{i18n.sector(p.sector)}</dd>
              </div>
              <div>
                <dt>{t('filter.status')}</dt>
                <dd>{p.status ? i18n.status(p.status) : '—'}</dd>
              </div>
              <div>
                <dt>{t('filter.year')}</dt>
                <dd>{p.year ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('common.amountUsd2021')}</dt>
                <dd>{p.amount?.usd2021 != null ? i18n.money(p.amount.usd2021) : '—'}</dd>
              </div>
              <div>
                <dt>{t('project.review')}</dt>
                <dd>{i18n.status(p.reviewState)}</dd>
              </div>
              <div>
                <dt>{t('project.conflicts')}</dt>
                <dd>
                  {p.conflicts > 0 ? <span class="badge conflict">{i18n.number(p.conflicts)}</span> : 0}
                </dd>
              </div>
              <div>
                <dt>{t('common.sources')}</dt>
                <dd>{tn('count.sources', p.sources)}</dd>
              </div>
            </dl>
            <div class="project-body">
              <div>
                <section aria-labelledby="status-heading">
                  <h2 id="status-heading">{t('project.timeline')}</h2>
                  <StatusTimeline prop={p.properties.find((x) => x.property === 'status')} />
                </section>
                <section aria-labelledby="participants-heading">
                  <h2 id="participants-heading">{t('project.participants')}</h2>
                  {participants.length === 0 ? (
                    <p class="muted">{t('project.noParticipants')}</p>
                  ) : (
                    <ul class="participants">
                      {participants.map((x, i) => (
                        <li key={i}>
                          <strong>{x.name}</strong> · {i18n.property(x.role)}
                          {x.chinese && <span class="badge">{t('project.chinese')}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </div>
              <aside aria-label={t('project.location')}>
                {p.location ? <MiniMap {...p.location} /> : <p class="muted">{t('project.noLocation')}</p>}
              </aside>
            </div>
            <section aria-labelledby="properties-heading">
              <h2 id="properties-heading">{t('project.properties')}</h2>
              <div class="table-wrap">
                <table class="properties">
                  <thead>
                    <tr>
                      <th scope="col">{t('project.property')}</th>
                      <th scope="col">{t('project.preferredValue')}</th>
                      <th scope="col">{t('project.alternatives')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {others.map((prop) => (
                      <PropertyRow key={prop.property} prop={prop} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section aria-labelledby="history-heading">
              <h2 id="history-heading">{t('project.history')}</h2>
              <details>
                <summary>{t('project.showHistory')}</summary>
                <History id={p.id} />
              </details>
            </section>
          </article>
        );
      }}
    </Show>
  );
}
