export interface Sparkline {
  /** the SVG path through the points */
  path: string;
  /** where the last point is drawn */
  end: [number, number] | null;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A sparkline through the values (in time order) in a width × height box, `pad` pixels in from its edges. */
export function sparkline(values: number[], width: number, height: number, pad = 3): Sparkline {
  if (values.length === 0) return { path: '', end: null };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) =>
    max === min ? height / 2 : height - pad - ((v - min) / (max - min)) * (height - 2 * pad);
  const points = values.map((v, i): [number, number] => [round(pad + i * step), round(y(v))]);
  return {
    path: points.map(([x, yy], i) => `${i === 0 ? 'M' : 'L'}${x},${yy}`).join(''),
    end: points[points.length - 1] ?? null,
  };
}
