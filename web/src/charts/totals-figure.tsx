import { useCallback } from 'preact/hooks';
import { useI18n } from '../i18n';
import { ChartFigure } from './figure';
import { totalsChart, type YearTotal } from './totals-chart';

/** A country's project amounts by year as a chart, loaded with the charting code on demand. */
export function TotalsFigure({ rows, label }: { rows: YearTotal[]; label: string }) {
  const { lang } = useI18n();
  const build = useCallback(() => totalsChart(rows, { locale: lang, label: 'USD 2021' }), [rows, lang]);
  return <ChartFigure build={build} label={label} />;
}
