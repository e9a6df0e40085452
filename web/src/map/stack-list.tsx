import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useCountryName } from '../countries';
import { useI18n } from '../i18n';
import { sectorColor } from './colors';
import { approximate } from './geometry';
import type { MapPoint } from './project-map';

/** Projects by amount, largest first (those without one last), then by name in the language's order. */
export function byAmountThenName(lang: string): (a: MapPoint, b: MapPoint) => number {
  const collator = new Intl.Collator(lang);
  return (a, b) =>
    (b.amountUsd2021 ?? -1) - (a.amountUsd2021 ?? -1) ||
    collator.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : 1);
}

/**
 * The projects of a cluster the map cannot split (they share one point, or lie closer than the deepest zoom
 * tells apart), as a modal dialog: every one of them, sorted by amount, each a link to its project. Focus moves
 * to its heading; Escape, the close button or a click outside closes it, and `onClose` gives focus back.
 */
export function StackList({ points, onClose }: { points: MapPoint[]; onClose: () => void }) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const countryName = useCountryName();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    heading.current?.focus();
  }, []);
  const sorted = useMemo(() => [...points].sort(byAmountThenName(i18n.lang)), [points, i18n.lang]);
  const oneSpot = new Set(points.map((p) => `${p.longitude},${p.latitude}`)).size === 1;
  const total = points.reduce((sum, p) => sum + (p.amountUsd2021 ?? 0), 0);
  const countries = [...new Set(points.map((p) => p.country).filter((c): c is string => !!c))].map(
    countryName,
  );
  const where = countries.length
    ? new Intl.ListFormat(i18n.lang, { type: 'conjunction' }).format(countries)
    : null;
  const projects = tn('count.projects', points.length);
  return (
    <dialog
      ref={dialog}
      class="stack-list"
      aria-labelledby="stack-list-heading"
      onClose={onClose}
      // A click on the backdrop lands on the dialog itself.
      onClick={(e) => e.target === dialog.current && dialog.current?.close()}
    >
      <div class="stack-head">
        <h2 id="stack-list-heading" ref={heading} tabindex={-1}>
          {t(oneSpot ? 'map.stackTitle' : 'map.nearTitle', { projects })}
        </h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('map.close')}
        </button>
      </div>
      <p class="stack-summary">
        {[where, total > 0 ? t('map.stackTotal', { amount: i18n.money(total) }) : null]
          .filter(Boolean)
          .join(' · ')}
        {where || total > 0 ? '. ' : ''}
        {t('map.stackOrder')}
      </p>
      <ol class="stack-items">
        {sorted.map((p) => (
          <li key={p.id}>
            <a href={i18n.href(`/projects/${encodeURIComponent(p.id)}`)} data-project-id={p.id}>
              {p.name}
            </a>
            <span class="stack-meta">
              <span class="swatch" style={{ background: sectorColor(p.sector) }} aria-hidden="true" />
              {i18n.sector(p.sector)} · {p.amountUsd2021 ? i18n.money(p.amountUsd2021) : t('map.noAmount')}
              {p.precision === 'adm1'
                ? ` · ${t('map.provinceCentre')}`
                : approximate(p.precision)
                  ? ` · ${t('map.approximate')}`
                  : ''}
            </span>
          </li>
        ))}
      </ol>
    </dialog>
  );
}
