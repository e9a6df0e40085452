// Helpers the engine composes its patterns with from the packs' words and regex sources.

/** Escapes text for use inside a regular expression. */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An alternation of literal phrases, longest first, with spaces matching any white space. */
export const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegex(w).replace(/ /g, '\\s+'))
    .join('|');

/** Regex sources as one alternation, tried in the order given. */
export const anyOf = (sources: readonly string[]) => sources.join('|');
