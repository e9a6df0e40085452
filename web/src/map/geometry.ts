import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import basemap from './americas-50m.json';

type Country = Feature<Geometry, { name: string }>;

let countries: Country[] | null = null;
/** The basemap's country shapes (Natural Earth 1:50m via world-atlas), decoded once. */
export function basemapCountries(): Country[] {
  const topology = basemap as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  countries ??= (
    feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>
  ).features;
  return countries;
}

/** Latin America and the Caribbean, from Baja California to Cape Horn, as a box to fit the view to. */
export const lacBox: Feature = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'MultiPoint',
    coordinates: [
      [-118, 32.5],
      [-34, 32.5],
      [-34, -56],
      [-118, -56],
    ],
  },
};

/** A Mercator projection fitting `box` (LAC by default) into width × height with a margin. */
export function fitProjection(
  width: number,
  height: number,
  box: Feature = lacBox,
  margin = 12,
): GeoProjection {
  return geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    box,
  );
}

/** The SVG path of each basemap country under a projection. */
export function countryPaths(projection: GeoProjection): { id: string; name: string; d: string }[] {
  const path = geoPath(projection);
  return basemapCountries().map((c, i) => ({
    id: String(c.id ?? i),
    name: c.properties.name,
    d: path(c) ?? '',
  }));
}

/** Whether a location's point stands for an area (a province's centroid, a country) rather than the place itself. */
export const approximate = (precision: string | null | undefined) =>
  !precision || ['adm1', 'country', 'adm0', 'region', 'unknown'].includes(precision);
