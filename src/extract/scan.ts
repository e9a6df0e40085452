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
