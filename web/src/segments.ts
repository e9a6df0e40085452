/** A marked span of text: a claim's evidence, an entity's mention, or a passage a link points at (`?at=`). */
export interface Mark {
  start: number;
  end: number;
  kind: 'claim' | 'entity' | 'passage';
  id: string;
}

/** A piece of a paragraph's text and the marks that cover all of it. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

/**
 * Cuts the text between `from` and `to` into segments at every mark's edge, so overlapping marks can be
 * drawn as nested highlights. Marks outside the range are ignored; marks crossing its edges are clipped.
 */
export function segment(text: string, from: number, to: number, marks: Mark[]): Segment[] {
  const inside = marks.filter((m) => m.end > from && m.start < to && m.end > m.start);
  const cuts = new Set([from, to]);
  for (const m of inside) {
    cuts.add(Math.max(m.start, from));
    cuts.add(Math.min(m.end, to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? from;
    const end = points[i + 1] ?? to;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      marks: inside.filter((m) => m.start <= start && m.end >= end),
    });
  }
  return segments;
}
