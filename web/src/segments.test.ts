import { describe, expect, it } from 'vitest';
import { segment } from './segments';

describe('segment', () => {
  const text = 'China invested $596.2 billion in the region.';
  it('cuts a paragraph at each mark edge and keeps every character once', () => {
    const segs = segment(text, 0, text.length, [
      { kind: 'claim', id: 'c1', start: 15, end: 29 },
      { kind: 'entity', id: 'country:CN', start: 0, end: 5 },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.marks.some((m) => m.id === 'c1'))?.text).toBe('$596.2 billion');
    expect(segs[0]).toMatchObject({ text: 'China', marks: [{ id: 'country:CN' }] });
  });

  it('clips marks to the paragraph and nests overlaps', () => {
    const segs = segment(text, 6, 20, [
      { kind: 'claim', id: 'a', start: 0, end: 10 },
      { kind: 'claim', id: 'b', start: 8, end: 40 },
    ]);
    expect(segs.map((s) => [s.text, s.marks.map((m) => m.id).join('+')])).toEqual([
      ['in', 'a'],
      ['ve', 'a+b'],
      ['sted $596.', 'b'],
    ]);
  });
});
