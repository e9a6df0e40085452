import type { Paragraph, Source, SourceSummary } from '../domain/source.js';
import type { SelectQueryBuilder } from 'kysely';
import type { Database, Db } from './database.js';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';
import type { SourceTable } from './tables/source-table.js';

/** The shape of a source id. */
export const sourceIdShape = /^s_[0-9a-f]{20}$/;

/** The id, hash and uri of the source stored with these bytes, if any. */
export async function findSourceByHash(db: Db, contentHash: string) {
  return db
    .selectFrom('source')
    .select(['id', 'uri'])
    .where('content_hash', '=', contentHash)
    .executeTakeFirst();
}

/** Where a paragraph's text was first stored: a source and the paragraph's index in it. */
export interface ParagraphPlace {
  sourceId: string;
  index: number;
}

/**
 * For paragraph hashes, the paragraph of another source that first stored each text (a first occurrence: not a
 * repeat within its source, not a repeat of another source). Hashes never stored are absent from the map.
 */
export async function firstParagraphs(db: Db, hashes: string[]): Promise<Map<string, ParagraphPlace>> {
  const found = new Map<string, ParagraphPlace>();
  const unique = [...new Set(hashes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('paragraph')
      .select(['source_id', 'idx', 'hash'])
      .where('hash', 'in', unique.slice(i, i + 500))
      .where('duplicate_of', 'is', null)
      .where('repeats_source', 'is', null)
      .orderBy('source_id')
      .orderBy('idx')
      .execute();
    for (const row of rows)
      if (!found.has(row.hash)) found.set(row.hash, { sourceId: row.source_id, index: row.idx });
  }
  return found;
}

/** Stores a source row and its paragraphs (`repeats` gives, by hash, where another source stored them first). */
export async function insertSource(
  db: Db,
  row: SourceTable,
  paragraphs: Paragraph[],
  repeats: ReadonlyMap<string, ParagraphPlace> = new Map(),
): Promise<void> {
  await db.insertInto('source').values(row).execute();
  for (let i = 0; i < paragraphs.length; i += 200) {
    await db
      .insertInto('paragraph')
      .values(
        paragraphs.slice(i, i + 200).map((p) => ({
          source_id: row.id,
          idx: p.index,
          span_start: p.start,
          span_end: p.end,
          hash: p.hash,
          duplicate_of: p.duplicateOf,
          page: p.page,
          repeats_source: p.duplicateOf === null ? (repeats.get(p.hash)?.sourceId ?? null) : null,
          repeats_idx: p.duplicateOf === null ? (repeats.get(p.hash)?.index ?? null) : null,
        })),
      )
      .execute();
  }
}

// The first paragraph that says something: not the title, not a byline.
function excerptOf(row: Pick<SourceTable, 'text' | 'title' | 'byline'>): string {
  const paragraphs = row.text.split('\n\n');
  const body =
    paragraphs.find((p) => p !== row.title && !(row.byline && p.endsWith(row.byline)) && p.length > 40) ??
    paragraphs[0] ??
    '';
  return body.length > 200 ? `${body.slice(0, 200).replace(/\s+\S*$/, '')}…` : body;
}

const summaryColumns = [
  'id',
  'uri',
  'title',
  'byline',
  'publisher',
  'language',
  'published_at',
  'ingested_at',
  'paragraph_count',
  'duplicate_paragraph_count',
  'claim_count',
  'text',
  'duplicate_of',
  'duplicate_kind',
  'duplicate_similarity',
] as const;

type SummaryRow = Pick<SourceTable, (typeof summaryColumns)[number]>;

function summaryFromRow(row: SummaryRow): SourceSummary {
  return {
    id: row.id,
    uri: row.uri,
    title: row.title,
    excerpt: excerptOf(row),
    byline: row.byline,
    publisher: row.publisher,
    language: row.language,
    publishedAt: row.published_at,
    ingestedAt: row.ingested_at,
    paragraphs: row.paragraph_count,
    duplicateParagraphs: row.duplicate_paragraph_count,
    claims: row.claim_count,
    duplicateOf: row.duplicate_of,
    duplicateKind: row.duplicate_kind,
    similarity: row.duplicate_similarity,
  };
}

/** Which sources a list shows: documents (articles, reports, feed items), dataset records (`puente import`), or all. */
export type SourceKind = 'document' | 'dataset' | undefined;

/** The media type of dataset records (one CSV row each). */
const datasetMediaType = 'text/csv';

/** A page of source summaries, newest first, of one kind or all. */
export async function listSources(
  db: Db,
  page: PageRequest = {},
  kind: SourceKind = undefined,
): Promise<Page<SourceSummary>> {
  const limit = pageLimit(page.limit);
  const ofKind = <Q extends SelectQueryBuilder<Database, 'source', object>>(q: Q): Q =>
    kind === 'dataset'
      ? (q.where('media_type', '=', datasetMediaType) as Q)
      : kind === 'document'
        ? (q.where('media_type', '!=', datasetMediaType) as Q)
        : q;
  let query = ofKind(db.selectFrom('source').select(summaryColumns));
  if (page.cursor) {
    const [at, id] = decodeCursor(page.cursor, ['string', 'string']);
    query = query.where((eb) =>
      eb.or([
        eb('ingested_at', '<', String(at)),
        eb.and([eb('ingested_at', '=', String(at)), eb('id', '<', String(id))]),
      ]),
    );
  }
  const rows = await query
    .orderBy('ingested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const { n } = await ofKind(
    db.selectFrom('source').select((eb) => eb.fn.countAll<number>().as('n')),
  ).executeTakeFirstOrThrow();
  return toPage(rows, limit, Number(n), (r) => [r.ingested_at, r.id], summaryFromRow);
}

/** One source with its text and paragraphs, or undefined. */
export async function getSource(
  db: Db,
  id: string,
): Promise<
  | (Omit<Source, 'paragraphs'> &
      Pick<SourceSummary, 'duplicateOf' | 'duplicateKind' | 'similarity'> & {
        duplicateParagraphs: number;
        paragraphs: (Paragraph & { repeats: ParagraphPlace | null })[];
      })
  | undefined
> {
  const row = await db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const paragraphs = await db
    .selectFrom('paragraph')
    .selectAll()
    .where('source_id', '=', id)
    .orderBy('idx')
    .execute();
  return {
    id: row.id,
    uri: row.uri,
    contentHash: row.content_hash,
    mediaType: row.media_type,
    title: row.title,
    byline: row.byline,
    publisher: row.publisher,
    language: row.language,
    publishedAt: row.published_at,
    ingestedAt: row.ingested_at,
    byteSize: row.byte_size,
    text: row.text,
    duplicateParagraphs: row.duplicate_paragraph_count,
    duplicateOf: row.duplicate_of,
    duplicateKind: row.duplicate_kind,
    similarity: row.duplicate_similarity,
    paragraphs: paragraphs.map((p) => ({
      index: p.idx,
      start: p.span_start,
      end: p.span_end,
      hash: p.hash,
      duplicateOf: p.duplicate_of,
      page: p.page,
      repeats:
        p.repeats_source === null ? null : { sourceId: p.repeats_source, index: Number(p.repeats_idx) },
    })),
  };
}

/** A near-duplicate copy of a source, as the original's page lists it. */
export interface SourceCopy {
  id: string;
  title: string | null;
  uri: string;
  publishedAt: string | null;
}

/** The sources stored as copies of this one (their `duplicate_of`), in the order they came, at most `cap`. */
export async function copiesOf(db: Db, id: string, cap: number): Promise<SourceCopy[]> {
  const rows = await db
    .selectFrom('source')
    .select(['id', 'title', 'uri', 'published_at'])
    .where('duplicate_of', '=', id)
    .orderBy('ingested_at')
    .orderBy('id')
    .limit(cap)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, uri: r.uri, publishedAt: r.published_at }));
}
