import { useCallback, useEffect } from 'preact/hooks';
import type { IndicatorDetail, IndicatorSummary, Page } from '../api';
import { ChartFigure } from '../charts/figure';
import { indicatorChart, reportedValues } from '../charts/indicator-chart';
import { EvidenceList } from '../components/evidence';
import { Show } from '../components/status';
import { formatValue } from '../format';
import { useI18n } from '../i18n';
import { useTitle } from '../title';
import { useFetch } from '../use-fetch';

function SeriesChart({ series }: { series: IndicatorDetail['series'][number] }) {
  const i18n = useI18n();
  const { t } = i18n;
  // Units that say nothing beside the property's name (a count, a multiple: "Growth (times)") are left out.
  const unit = series.unit && !['count', 'multiple'].includes(series.unit) ? series.unit : null;
  const label = `${i18n.property(series.property)}${unit ? ` (${unit})` : ''}`;
  const build = useCallback(
    () => indicatorChart(reportedValues(series), { locale: i18n.lang, label, width: 640 }),
    [series, i18n.lang, label],
  );
  return (
    <div class="series">
      <h3>{label}</h3>
      <ChartFigure build={build} label={t('indicators.chartLabel', { series: label })}>
        <table class="series-table">
          <caption class="visually-hidden">{t('indicators.tableCaption', { series: label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.time')}</th>
              <th scope="col">{t('indicators.value')}</th>
              <th scope="col">{t('indicators.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {series.points.flatMap((point) =>
              point.values.map((v, i) => (
                <tr key={`${point.time}-${i}`} class={i === 0 ? 'preferred' : 'alternative'}>
                  <td>
                    {i18n.date(point.time)}
                    {point.conflict && i === 0 && <span class="badge conflict">{t('project.conflict')}</span>}
                  </td>
                  <td>{formatValue(i18n, v.value, v.qualifier, series.property)}</td>
                  <td>
                    <EvidenceList claims={v.claims} limit={2} />
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </ChartFigure>
    </div>
  );
}

function Indicator({ summary }: { summary: IndicatorSummary }) {
  const { tn, indicatorName } = useI18n();
  const detail = useFetch<IndicatorDetail>(`/indicators/${encodeURIComponent(summary.id)}`);
  // A link from the dashboard names the indicator in the hash: bring it into view once its charts are in.
  useEffect(() => {
    if (detail.state === 'done' && decodeURIComponent(location.hash.slice(1)) === summary.id)
      document.getElementById(summary.id)?.scrollIntoView();
  }, [detail.state, summary.id]);
  return (
    <section class="indicator" id={summary.id} aria-labelledby={`${summary.id}-h`}>
      <h2 id={`${summary.id}-h`}>{indicatorName(summary.id, summary.name)}</h2>
      <p class="meta">
        <span>{tn('count.claims', summary.claims)}</span>
        <span>{tn('count.sources', summary.sources)}</span>
      </p>
      <Show data={detail}>
        {(d) => (
          <>
            {d.series.map((s) => (
              <SeriesChart key={`${s.property}-${s.unit}`} series={s} />
            ))}
          </>
        )}
      </Show>
    </section>
  );
}

/** Every indicator's time series, charted with every value each source reported. */
export function IndicatorsPage() {
  const { t } = useI18n();
  useTitle(t('nav.indicators'));
  const list = useFetch<Page<IndicatorSummary>>('/indicators?limit=100');
  return (
    <div class="indicators">
      <h1>{t('nav.indicators')}</h1>
      <p class="muted">{t('indicators.intro')}</p>
      <Show data={list}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('dashboard.noIndicators')}</p>
          ) : (
            <>
              {page.items.map((i) => (
                <Indicator key={i.id} summary={i} />
              ))}
            </>
          )
        }
      </Show>
    </div>
  );
}
