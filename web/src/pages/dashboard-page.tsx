import type { Group, IndicatorSummary, Page, ProjectPage, SourceSummary } from '../api';
import { BarTable } from '../components/bars';
import { Sparkline } from '../components/sparkline';
import { Show } from '../components/status';
import { useCountryName } from '../countries';
import { formatValue, sourceLabel } from '../format';
import { useI18n } from '../i18n';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

function IndicatorCard({ indicator }: { indicator: IndicatorSummary }) {
  const i18n = useI18n();
  const { t, tn, href, date } = i18n;
  const latest = indicator.latest;
  const points = indicator.points ?? [];
  return (
    <li class="card indicator-card">
      <h3>
        <a href={href('/indicators', {}) + `#${encodeURIComponent(indicator.id)}`}>
          {i18n.indicatorName(indicator.id, indicator.name)}
        </a>
      </h3>
      {latest ? (
        <p class="headline-value">
          <span class="value">
            {formatValue(
              i18n,
              { kind: 'quantity', amount: latest.amount, unit: latest.unit ?? undefined },
              latest.qualifier,
            )}
          </span>
          {latest.time && <span class="muted"> · {date(latest.time)}</span>}
        </p>
      ) : (
        <p class="muted">{t('dashboard.noValue')}</p>
      )}
      {points.length > 1 && <Sparkline values={points.map((p) => p.amount)} />}
      <p class="meta">
        <span>{tn('count.sources', indicator.sources)}</span>
        {(indicator.conflicts ?? 0) > 0 && (
          <span class="badge conflict">{tn('count.conflicts', indicator.conflicts ?? 0)}</span>
        )}
      </p>
    </li>
  );
}

const groupsOf = (page: ProjectPage & { groups?: Group[] }) => page.groups ?? [];

/** The first page: headline indicators, what the projects add up to by sector and country, the newest sources. */
export function DashboardPage() {
  const i18n = useI18n();
  const { t, tn, href, money, number, sector } = i18n;
  useTitle(t('nav.dashboard'));
  const countryName = useCountryName();
  const indicators = useFetch<Page<IndicatorSummary>>('/indicators?limit=12');
  const bySector = useFetch<ProjectPage & { groups?: Group[] }>('/projects?limit=1&groupBy=sector');
  const byCountry = useFetch<ProjectPage & { groups?: Group[] }>('/projects?limit=1&groupBy=country');
  const sources = useFetch<Page<SourceSummary>>('/sources?limit=6&kind=document');
  return (
    <div class="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <Show data={bySector}>
        {(p) => (
          <dl class="totals">
            <div>
              <dt>{t('common.projects')}</dt>
              <dd>{number(p.total)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.amount')}</dt>
              <dd>{money(p.amountUsd2021)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.withAmount')}</dt>
              <dd>{number(p.withAmount)}</dd>
            </div>
          </dl>
        )}
      </Show>
      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('dashboard.indicators')}</h2>
        <Show data={indicators}>
          {(page) =>
            page.items.length === 0 ? (
              <p class="muted">{t('dashboard.noIndicators')}</p>
            ) : (
              <ul class="cards">
                {page.items.map((i) => (
                  <IndicatorCard key={i.id} indicator={i} />
                ))}
              </ul>
            )
          }
        </Show>
      </section>
      <div class="two-columns">
        <section aria-labelledby="sector-heading">
          <h2 id="sector-heading">{t('dashboard.bySector')}</h2>
          <Show data={bySector}>
            {(p) => (
              <BarTable
                caption={t('dashboard.bySectorCaption')}
                bars={groupsOf(p).map((g) => ({
                  key: g.key ?? '',
                  label: sector(g.key),
                  href: href('/projects', { sector: g.key ?? '' }),
                  count: g.count,
                  amount: g.amountUsd2021,
                }))}
              />
            )}
          </Show>
        </section>
        <section aria-labelledby="country-heading">
          <h2 id="country-heading">{t('dashboard.byCountry')}</h2>
          <Show data={byCountry}>
            {(p) => (
              <BarTable
                caption={t('dashboard.byCountryCaption')}
                bars={groupsOf(p)
                  .filter((g) => g.key)
                  .map((g) => ({
                    key: g.key ?? '',
                    label: countryName(g.key ?? ''),
                    href: href('/projects', { country: g.key ?? '' }),
                    count: g.count,
                    amount: g.amountUsd2021,
                  }))}
              />
            )}
          </Show>
        </section>
      </div>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t('dashboard.latestSources')}</h2>
        <Show data={sources}>
          {(page) => (
            <ul class="source-list">
              {page.items.map((s) => (
                <li key={s.id}>
                  <a href={href(`/sources/${encodeURIComponent(s.id)}`)} class="source-link">
                    {sourceLabel(s)}
                  </a>
                  <div class="meta">
                    {s.publishedAt && <span>{i18n.date(s.publishedAt)}</span>}
                    <span>{tn('count.claims', s.claims)}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Show>
        <p>
          <a href={href('/sources')}>{t('dashboard.allSources')}</a>
        </p>
      </section>
    </div>
  );
}
