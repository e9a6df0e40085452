import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './database.js';

/** A search hit: a source or an entity, its title, a short excerpt around the match, its rank (higher is better). */
export interface SearchHit {
  kind: 'source' | 'entity';
  id: string;
  title: string;
  /** the type of an entity, the media type of a source */
  type: string;
  snippet: string;
  rank: number;
}

/** The words of a query: letters and digits only (so no query syntax reaches the engine), at most 8. */
export function searchWords(q: string): string[] {
  return (
    q
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 8);
}

/** A window of `text` around the first of the words it contains (plain text, about 200 characters). */
function excerpt(text: string, words: string[]): string {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '');
  // Folding removes combining marks only, so offsets stay close; a window absorbs the difference.
  const lower = folded.toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const start = at === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, at - 80);
  const cut = text
    .slice(start, start + 200)
    .replace(/\s+/g, ' ')
    .trim();
  return `${start > 0 ? '…' : ''}${cut}${start + 200 < text.length ? '…' : ''}`;
}

/**
 * Full-text search over sources (title and text) and entities (name and aliases): every word must occur, a word
 * matches as a prefix, accents are ignored. SQLite FTS5 (bm25) or PostgreSQL tsvector (ts_rank).
 */
export async function search(
  db: Db,
  q: string,
  options: { kind?: 'source' | 'entity' | undefined; limit: number },
): Promise<{ words: string[]; items: SearchHit[] }> {
  const words = searchWords(q);
  if (words.length === 0) return { words, items: [] };
  const hits: SearchHit[] = [];
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const wantSources = options.kind !== 'entity';
  const wantEntities = options.kind !== 'source';
  if (postgres) {
    const query = words.map((w) => `${w}:*`).join(' & ');
    // The words are folded already (accents removed, lower case), like the indexed text.
    const tsquery = sql`to_tsquery('simple', ${query})`;
    if (wantSources) {
      const rows = await sql<{
        id: string;
        title: string | null;
        media_type: string;
        text: string;
        rank: number;
      }>`
        select id, title, media_type, left(text, 20000) as text, ts_rank(search, ${tsquery}) as rank
        from source where search @@ ${tsquery} and duplicate_of is null
        order by rank desc, id limit ${options.limit}`.execute(db);
      for (const r of rows.rows) hits.push(sourceHit(r, words));
    }
    if (wantEntities) {
      const rows = await sql<{ id: string; name: string; type: string; aliases: string; rank: number }>`
        select id, name, type, aliases, ts_rank(search, ${tsquery}) * 2 as rank
        from entity where search @@ ${tsquery} and review_state <> 'rejected'
        order by rank desc, id limit ${options.limit}`.execute(db);
      for (const r of rows.rows) hits.push(entityHit(r, words));
    }
  } else {
    const match = words.map((w) => `"${w}"*`).join(' ');
    if (wantSources) {
      const rows = await sql<{
        id: string;
        title: string | null;
        media_type: string;
        text: string;
        rank: number;
      }>`
        select s.id, s.title, s.media_type, substr(s.text, 1, 20000) as text, -bm25(source_fts) as rank
        from source_fts join source s on s.id = source_fts.id
        where source_fts match ${match} and s.duplicate_of is null
        order by bm25(source_fts), s.id limit ${options.limit}`.execute(db);
      for (const r of rows.rows) hits.push(sourceHit(r, words));
    }
    if (wantEntities) {
      const rows = await sql<{ id: string; name: string; type: string; aliases: string; rank: number }>`
        select e.id, e.name, e.type, e.aliases, -bm25(entity_fts) * 2 as rank
        from entity_fts join entity e on e.id = entity_fts.id
        where entity_fts match ${match} and e.review_state <> 'rejected'
        order by bm25(entity_fts), e.id limit ${options.limit}`.execute(db);
      for (const r of rows.rows) hits.push(entityHit(r, words));
    }
  }
  // Entities first when they match as well as a document: a name is what most searches are for.
  hits.sort((a, b) => b.rank - a.rank || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return { words, items: hits.slice(0, options.limit) };
}

function sourceHit(
  r: { id: string; title: string | null; media_type: string; text: string; rank: number },
  words: string[],
): SearchHit {
  return {
    kind: 'source',
    id: r.id,
    title: r.title ?? r.id,
    type: r.media_type,
    snippet: excerpt(r.text, words),
    rank: Number(r.rank),
  };
}

function entityHit(
  r: { id: string; name: string; type: string; aliases: string; rank: number },
  words: string[],
): SearchHit {
  const aliases = (JSON.parse(r.aliases) as { name: string }[]).map((a) => a.name);
  return {
    kind: 'entity',
    id: r.id,
    title: r.name,
    type: r.type,
    snippet: excerpt([r.name, ...aliases].join(' · '), words),
    rank: Number(r.rank),
  };
}
