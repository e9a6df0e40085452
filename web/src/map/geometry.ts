import basemap from './basemap.json';

/**
 * A Mercator view, as d3-geo's geoMercator (no rotation) with scale `k` and translation `tx, ty`:
 * x = tx + k·λ, y = ty − k·ln(tan(π/4 + φ/2)), λ and φ in radians.
 */
export interface Mercator {
  k: number;
  tx: number;
  ty: number;
}

const radians = Math.PI / 180;
const unitX = (lon: number) => lon * radians;
const unitY = (lat: number) => -Math.log(Math.tan(Math.PI / 4 + (lat * radians) / 2));

/** A point [longitude, latitude] on the view, in its pixels. */
export const project = (m: Mercator, lon: number, lat: number): [number, number] => [
  m.tx + m.k * unitX(lon),
  m.ty + m.k * unitY(lat),
];

/** A box [[west, south], [east, north]] in degrees. */
export type Box = [[number, number], [number, number]];

/** Latin America and the Caribbean, from Baja California to Cape Horn, as a box to fit the view to. */
export const lacBox: Box = [
  [-118, -56],
  [-34, 32.5],
];

/**
 * The Mercator view fitting `box` (LAC by default) into width × height with a margin, centred: d3-geo's
 * `geoMercator().fitExtent([[margin, margin], [width - margin, height - margin]], box)`.
 */
export function fitProjection(width: number, height: number, box: Box = lacBox, margin = 12): Mercator {
  const [[west, south], [east, north]] = box;
  const [x0, x1, y0, y1] = [unitX(west), unitX(east), unitY(north), unitY(south)];
  const w = width - 2 * margin;
  const h = height - 2 * margin;
  const k = Math.min(w / (x1 - x0), h / (y1 - y0));
  return { k, tx: margin + (w - k * (x1 + x0)) / 2, ty: margin + (h - k * (y1 + y0)) / 2 };
}

/** The basemap's countries (Natural Earth 1:50m, made by scripts/make-basemap.ts), each one SVG path. */
export const basemapCountries: readonly { id: string; name: string; d: string }[] = basemap.countries;

/**
 * The SVG transform that draws the basemap's paths in a view (they are projected already, in units of
 * `basemap.unit` radians): strokes should not scale (`vector-effect: non-scaling-stroke`).
 */
export const basemapTransform = (m: Mercator): string => {
  const s = m.k * basemap.unit;
  return `matrix(${s} 0 0 ${s} ${m.tx} ${m.ty})`;
};

/** Whether a location's point stands for an area (a province's centroid, a country) rather than the place itself. */
export const approximate = (precision: string | null | undefined) =>
  !precision || ['adm1', 'country', 'adm0', 'region', 'unknown'].includes(precision);
