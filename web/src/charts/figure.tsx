import { useEffect, useRef } from 'preact/hooks';

/**
 * Puts a chart built outside Preact (an Observable Plot SVG) into the page, again whenever `build` changes; the
 * chart is described for screen readers by `label`, and `children` hold the same figures as a table.
 */
export function ChartFigure({
  build,
  label,
  children,
}: {
  build: () => Element;
  label: string;
  children?: preact.ComponentChildren;
}) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = build();
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', label);
    holder.current?.replaceChildren(chart);
  }, [build, label]);
  return (
    <figure class="chart">
      <div ref={holder} />
      {children}
    </figure>
  );
}
