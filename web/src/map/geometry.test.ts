import { geoMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import basemap from './basemap.json';
import { basemapCountries, basemapTransform, fitProjection, lacBox, project, type Box } from './geometry';

const d3Fit = (width: number, height: number, [[west, south], [east, north]]: Box, margin = 12) =>
  geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [west, south],
        [east, north],
      ],
    },
  );

describe('map geometry', () => {
  const boxes: [string, number, number, Box][] = [
    ['Latin America on the big map', 960, 760, lacBox],
    [
      'a small map around Lima',
      320,
      240,
      [
        [-86.0, -21.0],
        [-68.0, -3.0],
      ],
    ],
    [
      'a small map around Havana',
      320,
      240,
      [
        [-91.4, 14.1],
        [-73.4, 32.1],
      ],
    ],
  ];

  it.each(boxes)('fits and projects %s as d3-geo does', (_, width, height, box) => {
    const ours = fitProjection(width, height, box);
    const d3 = d3Fit(width, height, box);
    expect(ours.k).toBeCloseTo(d3.scale(), 6);
    const [tx, ty] = d3.translate();
    expect(ours.tx).toBeCloseTo(tx, 6);
    expect(ours.ty).toBeCloseTo(ty, 6);
    for (const [lon, lat] of [
      [-77.03, -12.05],
      [-58.38, -34.6],
      [-99.13, 19.43],
      [-43.2, -22.9],
    ] as const) {
      const [x, y] = d3([lon, lat]) ?? [NaN, NaN];
      const [px, py] = project(ours, lon, lat);
      expect(px).toBeCloseTo(x, 6);
      expect(py).toBeCloseTo(y, 6);
    }
  });

  it.each(boxes)(
    'draws the basemap’s units (λ / unit, y / unit) where %s puts them',
    (_, width, height, box) => {
      const view = fitProjection(width, height, box);
      const matrix = /^matrix\((\S+) 0 0 (\S+) (\S+) (\S+)\)$/.exec(basemapTransform(view));
      const [scale = NaN, scaleY, tx = NaN, ty = NaN] = (matrix?.slice(1) ?? []).map(Number);
      expect(scaleY).toBe(scale);
      const unit = geoMercator()
        .scale(1 / basemap.unit)
        .translate([0, 0]);
      for (const [lon, lat] of [
        [-77.03, -12.05],
        [-117.1, 32.5],
        [-67.6, -55.9],
      ] as const) {
        const [ux, uy] = unit([lon, lat]) ?? [NaN, NaN];
        const [x, y] = project(view, lon, lat);
        expect(scale * ux + tx).toBeCloseTo(x, 6);
        expect(scale * uy + ty).toBeCloseTo(y, 6);
      }
    },
  );

  it('holds the 59 countries of the Americas, one path each, in units of the source’s finest step', () => {
    expect(basemapCountries.length).toBe(59);
    expect(basemapCountries.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Brazil', 'Mexico', 'Chile', 'United States of America', 'France']),
    );
    for (const c of basemapCountries) expect(c.d).toMatch(/^m-?\d+[ -]\d+.*z$/);
    expect(basemap.unit).toBeCloseTo((0.001736003453784538 * Math.PI) / 180, 12);
  });
});
