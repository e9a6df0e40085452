import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, GeoJsonProperties, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

/**
 * Whether a shape lies in the Americas: its bounds do not cross the antimeridian, their middle is between 170°W and
 * 32°W (the Americas' easternmost land, Brazil's Fernando de Noronha, is at 32.4°W; the Azores and Cabo Verde are
 * east of it) and they reach between Tierra del Fuego and the Arctic.
 */
function inAmericas(shape: GeoPermissibleObjects): boolean {
  const [[west, south], [east, north]] = geoBounds(shape);
  if (west > east) return false;
  const middle = (west + east) / 2;
  return middle > -170 && middle < -32 && north > -60 && south < 84;
}

/**
 * A country's land in the Americas: its whole shape when that lies there, else those of its parts that do (the
 * United States, whose Aleutians cross the antimeridian, without the islands west of 170°W; France's French
 * Guiana, Guadeloupe and Martinique; the Netherlands' Caribbean islands), else null (Russia, Portugal...).
 */
export function americanShape<P extends GeoJsonProperties>(
  shape: Feature<Geometry, P>,
): Feature<Geometry, P> | null {
  if (inAmericas(shape)) return shape;
  if (shape.geometry.type !== 'MultiPolygon') return null;
  const parts = shape.geometry.coordinates.filter((rings) =>
    inAmericas({ type: 'Polygon', coordinates: rings }),
  );
  return parts.length > 0 ? { ...shape, geometry: { type: 'MultiPolygon', coordinates: parts } } : null;
}

/**
 * A d3-geo path context writing an SVG path in whole units, relative: `m` for each ring (the first from the
 * origin, the next from the start of the ring before, where `z` leaves the pen) and bare number pairs for its
 * lines; rings of fewer than three distinct points once rounded are left out.
 */
class RelativePath {
  d = '';
  private x = 0;
  private y = 0;
  private ring: [number, number][] = [];
  beginPath() {
    // each ring starts with moveTo
  }
  moveTo(x: number, y: number) {
    this.flush();
    this.ring = [[Math.round(x), Math.round(y)]];
  }
  lineTo(x: number, y: number) {
    const point: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.ring.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) this.ring.push(point);
  }
  closePath() {
    this.flush();
  }
  arc() {
    throw new Error('the basemap has no points');
  }
  private flush() {
    const ring = this.ring;
    this.ring = [];
    const first = ring[0];
    const last = ring.at(-1);
    if (first && last && first[0] === last[0] && first[1] === last[1]) ring.pop();
    if (ring.length < 3) return;
    // A path's first `m` is absolute; the pairs after any `m` are relative line-tos.
    let out = 'm';
    ring.forEach(([x, y], i) => {
      const [dx, dy] = [x - this.x, y - this.y];
      out += `${i > 0 && dx >= 0 ? ' ' : ''}${dx}${dy >= 0 ? ' ' : ''}${dy}`;
      this.x = x;
      this.y = y;
    });
    this.d += `${out}z`;
    // After `z` the pen is back at the ring's first point.
    this.x = ring[0]?.[0] ?? 0;
    this.y = ring[0]?.[1] ?? 0;
  }
}

/** The basemap as web/src/map/basemap.json holds it (see scripts/make-basemap.ts). */
export function basemapJson(): string {
  const file = require.resolve('world-atlas/countries-50m.json');
  const world = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const version = (
    JSON.parse(readFileSync(require.resolve('world-atlas/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const collection = world.objects.countries as unknown as {
    type: 'GeometryCollection';
    geometries: GeometryObject<{ name: string }>[];
  };
  // One unit is the finer step of the quantized source (its latitude step), so rounding loses nothing it had.
  const step = Math.min(...(world.transform?.scale ?? [1e-3]));
  const unit = (step * Math.PI) / 180;
  const projection = geoMercator()
    .scale(1 / unit)
    .translate([0, 0]);
  const countries = collection.geometries
    .map((g) => americanShape(feature(world, g) as Feature<Geometry, { name: string }>))
    .filter((shape) => shape !== null)
    .map((shape) => {
      const context = new RelativePath();
      geoPath(projection, context)(shape);
      return { id: String(shape.id), name: shape.properties.name, d: context.d };
    });
  const out = {
    source: `Natural Earth 1:50m Admin 0 countries, world-atlas ${version} countries-50m.json`,
    projection: 'Mercator (d3-geo geoMercator): x = λ / unit, y = −ln(tan(π/4 + φ/2)) / unit',
    unit,
    countries,
  };
  return `${JSON.stringify(out, null, 1).replace(/\n\s*/g, '\n')}\n`;
}
