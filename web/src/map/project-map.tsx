import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import Supercluster from 'supercluster';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { sectorColor } from './colors';
import { approximate, basemapCountries, basemapTransform, fitProjection, project } from './geometry';
import { StackList } from './stack-list';

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  precision: string | null;
  sector: string | null;
  amountUsd2021: number | null;
  /** the first of its countries (ISO 3166-1 alpha-3) */
  country?: string | null;
}

interface PointProps {
  point: MapPoint;
}
interface ClusterProps {
  amount: number;
}

const width = 960;
const height = 760;
/** The view at zoom 1: Latin America and the Caribbean fitted to the map. */
const view = fitProjection(width, height);
const worldWidth = view.k * 2 * Math.PI;
/** Supercluster's radius, in its pixels (a world is 512 · 2^zoom of them wide). */
const clusterRadius = 36;
/** How far the map zooms in. */
const maxScale = 200;

/** The supercluster zoom level where the map shows the world `worldWidth` screen pixels wide. */
const clusterZoom = (worldWidth: number) => Math.max(0, Math.log2(worldWidth / 512));
/**
 * The deepest level the map shows (the whole level it reaches at its largest scale): supercluster builds no level
 * beyond it (each level is a pass over the points; 16 levels took three times as long as these 10). A cluster
 * whose points part only deeper than this can never be opened by zooming: it lists them instead.
 */
const deepestLevel = Math.floor(clusterZoom(worldWidth * maxScale));
/** The map's scale at which supercluster's `level` is drawn (a hair over, so that the level's floor is it). */
const scaleFor = (level: number) => ((512 * 2 ** level) / worldWidth) * (1 + 1e-9);

/** A circle's radius for an amount: by area, 3 px for none up to 14 px for the largest shown. */
export const radiusFor = (amount: number | null, max: number) =>
  3 + (amount && max > 0 ? 11 * Math.sqrt(Math.min(amount, max) / max) : 0);

/**
 * The countries, drawn once: a zoom changes the transform of the group around them, never their paths. Each
 * says its name on hover; for assistive technologies the map's points and clusters are the content.
 */
function Land() {
  return (
    <g class="land" transform={basemapTransform(view)}>
      {basemapCountries.map((c) => (
        <path key={c.id} d={c.d}>
          <title>{c.name}</title>
        </path>
      ))}
    </g>
  );
}

/**
 * The projects on an offline basemap (Mercator over LAC, projected beforehand): one circle per project, sized by
 * its amount in constant 2021 USD and coloured by sector, a dashed ring where the point is an area's centroid;
 * dense points gather into clusters that open on click: closer, or when they cannot part (one point, or the deepest
 * zoom), as a list of their projects. Drag and wheel (or the buttons) zoom and pan; each point is a link.
 */
export function ProjectMap({ points }: { points: MapPoint[] }) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const svgRef = useRef<SVGSVGElement>(null);
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  // The same vnode on every render: Preact leaves the basemap's nodes alone.
  const land = useMemo(() => <Land />, []);
  const index = useMemo(() => {
    const sc = new Supercluster<PointProps, ClusterProps>({
      radius: clusterRadius,
      maxZoom: deepestLevel,
      map: (p) => ({ amount: p.point.amountUsd2021 ?? 0 }),
      reduce: (acc, p) => {
        acc.amount += p.amount;
      },
    });
    sc.load(
      points.map((point) => ({
        type: 'Feature' as const,
        properties: { point },
        geometry: { type: 'Point' as const, coordinates: [point.longitude, point.latitude] },
      })),
    );
    return sc;
  }, [points]);
  const maxAmount = useMemo(() => Math.max(0, ...points.map((p) => p.amountUsd2021 ?? 0)), [points]);
  // Clusters are recomputed when the zoom level settles on a new whole level, not on every frame.
  const level = Math.floor(clusterZoom(worldWidth * transform.k));
  const clusters = useMemo(() => index.getClusters([-180, -85, 180, 85], level), [index, level]);
  // The level each cluster parts at: deeper than the map goes, it is a stack, listed rather than zoomed into.
  const partsAt = useMemo(() => {
    const levels = new Map<number, number>();
    for (const f of clusters)
      if ('cluster' in f.properties && f.properties.cluster)
        levels.set(f.properties.cluster_id, index.getClusterExpansionZoom(f.properties.cluster_id));
    return levels;
  }, [index, clusters]);
  // The stack whose projects are listed, by cluster id in the index it belongs to (new points, from the browser's
  // back button to other filters, make a new index, whose ids are not its).
  const [listed, setListed] = useState<{ index: typeof index; id: number } | null>(null);
  const listedPoints = useMemo(
    () =>
      listed?.index === index ? index.getLeaves(listed.id, Infinity).map((f) => f.properties.point) : null,
    [index, listed],
  );
  const closeList = () => {
    const id = listed?.id;
    setListed(null);
    // Focus goes back to the stack that was opened (it is still drawn: the map cannot move while the list is open).
    svgRef.current?.querySelector<SVGGElement>(`[data-cluster-id="${id}"]`)?.focus();
  };

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let frame = 0;
    let latest = zoomIdentity;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, maxScale])
      .translateExtent([
        [-width, -height],
        [2 * width, 2 * height],
      ])
      .on('zoom', (event: { transform: ZoomTransform }) => {
        latest = event.transform;
        if (!frame)
          frame = requestAnimationFrame(() => {
            frame = 0;
            setTransform(latest);
          });
      });
    behavior.current = z;
    select(svg).call(z);
    return () => {
      cancelAnimationFrame(frame);
      select(svg).on('.zoom', null);
    };
  }, []);

  const zoomBy = (factor: number) => {
    if (svgRef.current && behavior.current) behavior.current.scaleBy(select(svgRef.current), factor);
  };
  const zoomTo = (x: number, y: number, k: number) => {
    if (!svgRef.current || !behavior.current) return;
    behavior.current.transform(
      select(svgRef.current),
      zoomIdentity
        .translate(width / 2, height / 2)
        .scale(k)
        .translate(-x, -y),
    );
  };
  const place = (lon: number, lat: number) => {
    const [x, y] = project(view, lon, lat);
    return { x, y, sx: transform.applyX(x), sy: transform.applyY(y) };
  };

  return (
    <div class="project-map">
      <div class="map-controls" role="group" aria-label={t('map.zoom')}>
        <button type="button" onClick={() => zoomBy(1.6)} aria-label={t('map.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.6)} aria-label={t('map.zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => zoomTo(width / 2, height / 2, 1)}>
          {t('map.reset')}
        </button>
      </div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${width} ${height}`}
        class="map-svg"
        role="group"
        aria-label={t('map.label', { n: points.length })}
      >
        <rect width={width} height={height} class="sea" />
        <g transform={transform.toString()} aria-hidden="true">
          {land}
        </g>
        <g class="points">
          {clusters.map((f) => {
            const [lon, lat] = f.geometry.coordinates as [number, number];
            const { x, y, sx, sy } = place(lon, lat);
            if (sx < -40 || sy < -40 || sx > width + 40 || sy > height + 40) return null;
            if ('cluster' in f.properties && f.properties.cluster) {
              const { cluster_id: id, point_count: count, amount } = f.properties;
              const r = Math.min(28, 10 + Math.sqrt(count) * 1.6);
              const level = partsAt.get(id) ?? deepestLevel + 1;
              const stack = level > deepestLevel || transform.k >= maxScale;
              const open = () => {
                if (stack) setListed({ index, id });
                else zoomTo(x, y, Math.max(scaleFor(level), transform.k * 1.5));
              };
              const label = `${tn('count.projects', count)}, ${i18n.money(amount)} · ${t(
                stack ? 'map.openList' : 'map.openCluster',
              )}`;
              return (
                <g
                  key={`c${id}`}
                  class={stack ? 'cluster stack' : 'cluster'}
                  role="button"
                  // SVG attributes are case-sensitive: `tabIndex` would be set as an unknown attribute.
                  tabindex={0}
                  aria-label={label}
                  aria-haspopup={stack ? 'dialog' : undefined}
                  data-cluster-id={id}
                  data-count={count}
                  transform={`translate(${sx},${sy})`}
                  onClick={open}
                  onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), open())}
                >
                  <title>{label}</title>
                  {stack && <circle r={r + 3} class="stack-ring" />}
                  <circle r={r} />
                  <text dy="0.35em" text-anchor="middle" aria-hidden="true">
                    {i18n.number(count, { notation: 'compact' })}
                  </text>
                </g>
              );
            }
            const { point } = f.properties as PointProps;
            const href = i18n.href(`/projects/${encodeURIComponent(point.id)}`);
            const approx = approximate(point.precision);
            const label = `${point.name} · ${i18n.sector(point.sector)}${
              point.amountUsd2021 ? ` · ${i18n.money(point.amountUsd2021)}` : ''
            } · ${approx ? t('map.approximate') : t('map.exact')}`;
            return (
              <a
                key={point.id}
                href={href}
                class={approx ? 'point approximate' : 'point'}
                aria-label={label}
                data-project-id={point.id}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(href);
                }}
              >
                <title>{label}</title>
                <circle
                  cx={sx}
                  cy={sy}
                  r={radiusFor(point.amountUsd2021, maxAmount)}
                  fill={sectorColor(point.sector)}
                />
              </a>
            );
          })}
        </g>
      </svg>
      {listedPoints && <StackList points={listedPoints} onClose={closeList} />}
    </div>
  );
}
