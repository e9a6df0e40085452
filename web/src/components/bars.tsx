import { useI18n } from '../i18n';

export interface Bar {
  key: string;
  label: string;
  href: string;
  count: number;
  amount: number;
}

/** A ranked table of groups with a bar for each amount: readable as a table, scannable as a chart. */
export function BarTable({ caption, bars, limit = 10 }: { caption: string; bars: Bar[]; limit?: number }) {
  const { t, tn, money } = useI18n();
  const shown = [...bars].sort((a, b) => b.amount - a.amount || b.count - a.count).slice(0, limit);
  const max = Math.max(1, ...shown.map((b) => b.amount));
  return (
    <table class="bars">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.name')}</th>
          <th scope="col">{t('common.projects')}</th>
          <th scope="col">{t('common.amountUsd2021')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((b) => (
          <tr key={b.key}>
            <th scope="row">
              <a href={b.href}>{b.label}</a>
            </th>
            <td>{tn('count.projects', b.count)}</td>
            <td class="bar-cell">
              <span class="bar" style={{ width: `${(b.amount / max) * 100}%` }} />
              <span class="bar-value">{money(b.amount)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
