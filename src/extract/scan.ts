/**
 * The matches of a global regex inside text[from, to), with their absolute offsets. It searches a slice, so a
 * passage without a match costs its own length, never the rest of the document.
 */
export function* matchesIn(
  re: RegExp,
  text: string,
  from: number,
  to: number,
): Generator<{ m: RegExpExecArray; at: number }> {
  const slice = text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    yield { m, at: from + m.index };
    if (m[0] === '') re.lastIndex++;
  }
}

/**
 * The spans of a list that overlap [from, to), found by binary search: the list must be in text order and its
 * spans must not overlap one another (as a gazetteer's matches are), so that ends are as sorted as starts.
 */
export function overlapping<T extends { start: number; end: number }>(
  spans: readonly T[],
  from: number,
  to: number,
): T[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.end ?? 0) > from) hi = mid;
    else lo = mid + 1;
  }
  const out: T[] = [];
  for (let i = lo; i < spans.length; i++) {
    const span = spans[i];
    if (!span || span.start >= to) break;
    out.push(span);
  }
  return out;
}
