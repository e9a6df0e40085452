import type { CountryDetail, CountryMechanism, Group, Passage } from '../api';
import { BarTable } from '../components/bars';
import { lazy } from '../components/lazy';
import { Show } from '../components/status';
import { useCountryName } from '../countries';
import { formatValue } from '../format';
import { useI18n } from '../i18n';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';
import { useBri, useCelac, useRecognition } from './countries-page';

const TotalsFigure = lazy(() => import('../charts/totals-figure').then((m) => m.TotalsFigure));

const years = (groups: Group[]) =>
  groups
    .filter((g) => g.key && /^\d{4}$/.test(g.key))
    .map((g) => ({ year: Number(g.key), amount: g.amountUsd2021, count: g.count }))
    .sort((a, b) => a.year - b.year);

// How many sentences a mechanism shows before "and N more".
const shownPassages = 3;

/** A sentence naming a mechanism, linking to it in the source reader (underlined there, its claim selected). */
function PassageLink({ p }: { p: Passage }) {
  const { href, date } = useI18n();
  return (
    <li>
      <a
        class="quote"
        href={href(`/sources/${encodeURIComponent(p.sourceId)}`, {
          at: `${p.start}-${p.end}`,
          claim: p.claimId,
        })}
      >
        “{p.quote}”
      </a>{' '}
      <span class="meta">
        {p.title ?? p.sourceId}
        {p.publishedAt && ` · ${date(p.publishedAt)}`}
      </span>
    </li>
  );
}

/** The mechanisms and policies sources name with the country: kind, sources, when, the latest figure, quotes. */
function Mechanisms({ mechanisms }: { mechanisms: CountryMechanism[] }) {
  const i18n = useI18n();
  const { t, tn, date } = i18n;
  if (mechanisms.length === 0) return <p class="muted">{t('country.noMechanisms')}</p>;
  return (
    <ul class="mechanisms">
      {mechanisms.map((m) => {
        const figure = m.figures[0];
        const rest = m.evidence.slice(shownPassages);
        return (
          <li key={m.id} data-entity-id={m.id}>
            <strong>{i18n.entityName(m.id, m.name)}</strong>
            <div class="meta">
              {m.kind && <span>{i18n.kind(m.kind)}</span>}
              <span>{tn('count.sources', m.sources)}</span>
              {m.firstSeen && m.lastSeen && (
                <span>
                  {m.firstSeen.slice(0, 10) === m.lastSeen.slice(0, 10)
                    ? date(m.lastSeen.slice(0, 10))
                    : t('country.seenBetween', {
                        from: date(m.firstSeen.slice(0, 10)),
                        to: date(m.lastSeen.slice(0, 10)),
                      })}
                </span>
              )}
            </div>
            {figure && (
              <p class="figure">
                {t('country.latestFigure')}:{' '}
                <strong>{formatValue(i18n, figure.value, figure.qualifier, figure.property)}</strong>
                {figure.time && <> · {date(figure.time)}</>}
              </p>
            )}
            <ul class="evidence">
              {m.evidence.slice(0, shownPassages).map((p) => (
                <PassageLink key={`${p.sourceId}-${p.start}`} p={p} />
              ))}
            </ul>
            {rest.length > 0 && (
              <details>
                <summary>{t('project.moreEvidence', { n: rest.length })}</summary>
                <ul class="evidence">
                  {rest.map((p) => (
                    <PassageLink key={`${p.sourceId}-${p.start}`} p={p} />
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** One country's profile: its ties to China, its projects by sector and over time, and mechanisms such as swap lines. */
export function CountryPage({ code }: { code: string }) {
  const i18n = useI18n();
  const { t, tn, href } = i18n;
  const country = useFetch<CountryDetail>(`/countries/${encodeURIComponent(code)}`);
  const name = useCountryName();
  const recognition = useRecognition();
  const bri = useBri();
  const celac = useCelac();
  useTitle(country.state === 'done' ? name(country.data.attributes.iso2) : t('nav.countries'));
  return (
    <Show data={country}>
      {(c) => {
        const iso3 = c.attributes.iso3;
        const byYear = years(c.byYear);
        return (
          <article aria-labelledby="country-heading">
            <p>
              <a href={href('/countries')}>← {t('nav.countries')}</a>
            </p>
            <h1 id="country-heading">{name(c.attributes.iso2)}</h1>
            <dl class="facts">
              <div>
                <dt>CELAC</dt>
                <dd>{celac(c)}</dd>
              </div>
              <div>
                <dt>{t('country.bri')}</dt>
                <dd>{bri(c)}</dd>
              </div>
              <div>
                <dt>{t('country.recognition')}</dt>
                <dd>{recognition(c)}</dd>
              </div>
              <div>
                <dt>{t('common.projects')}</dt>
                <dd>
                  <a href={href('/projects', { country: iso3 })}>{tn('count.projects', c.projects)}</a>
                </dd>
              </div>
              <div>
                <dt>{t('common.amountUsd2021')}</dt>
                <dd>{i18n.money(c.amountUsd2021)}</dd>
              </div>
              <div>
                <dt>{t('common.sources')}</dt>
                <dd>{tn('count.sources', c.sources)}</dd>
              </div>
            </dl>
            {c.attributes.note && <p class="muted">{c.attributes.note}</p>}
            <p>
              <a href={href('/map', { country: iso3 })}>{t('country.onMap')}</a>
            </p>
            <div class="two-columns">
              <section aria-labelledby="by-sector-heading">
                <h2 id="by-sector-heading">{t('dashboard.bySector')}</h2>
                <BarTable
                  caption={t('country.bySectorCaption', { country: name(c.attributes.iso2) })}
                  limit={30}
                  bars={c.bySector.map((g) => ({
                    key: g.key ?? '',
                    label: i18n.sector(g.key),
                    href: href('/projects', { country: iso3, sector: g.key ?? '' }),
                    count: g.count,
                    amount: g.amountUsd2021,
                  }))}
                />
              </section>
              <section aria-labelledby="mechanisms-heading">
                <h2 id="mechanisms-heading">{t('country.mechanisms')}</h2>
                <Mechanisms mechanisms={c.mechanisms} />
              </section>
            </div>
            <section aria-labelledby="over-time-heading">
              <h2 id="over-time-heading">{t('country.overTime')}</h2>
              {byYear.length === 0 ? (
                <p class="muted">{t('country.noYears')}</p>
              ) : (
                <TotalsFigure
                  rows={byYear}
                  label={t('country.overTimeLabel', { country: name(c.attributes.iso2) })}
                />
              )}
            </section>
          </article>
        );
      }}
    </Show>
  );
}
