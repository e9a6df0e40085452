import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n';
import { approximate, basemapCountries, basemapTransform, fitProjection, project } from './geometry';

/** A small still map around one project's point, with its precision said and drawn. */
export function MiniMap({
  latitude,
  longitude,
  precision,
  name,
}: {
  latitude: number;
  longitude: number;
  precision: string | null;
  name: string | null;
}) {
  const { t } = useI18n();
  const w = 320;
  const h = 240;
  const { land, x, y } = useMemo(() => {
    const around = 9;
    const view = fitProjection(w, h, [
      [longitude - around, latitude - around],
      [longitude + around, latitude + around],
    ]);
    const [px, py] = project(view, longitude, latitude);
    return { land: basemapTransform(view), x: px, y: py };
  }, [latitude, longitude]);
  const approx = approximate(precision);
  const label = `${name ?? ''} (${latitude.toFixed(3)}, ${longitude.toFixed(3)}) · ${
    approx ? t('map.approximate') : t('map.exact')
  }`;
  return (
    <figure class="mini-map">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
        <rect width={w} height={h} class="sea" />
        <g class="land" transform={land}>
          {basemapCountries.map((c) => (
            <path key={c.id} d={c.d} />
          ))}
        </g>
        {approx && <circle cx={x} cy={y} r={16} class="precision-ring" />}
        <circle cx={x} cy={y} r={5} class="pin" />
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
