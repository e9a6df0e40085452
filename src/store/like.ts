/**
 * The LIKE patterns of a words query: each word (at most 8), lower case, `%word%`, with `\` escaping `%` and `_`
 * so they are searched for literally. Use with `escape '\\'` (SQLite needs the clause; PostgreSQL has it by default).
 */
export const likePatterns = (q: string | undefined): string[] =>
  (q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
