import { extract, type ExtractOutput } from '../extract/extract.js';
import type { ReadDocument } from '../ingest/read-document.js';
import { claimToRow, insertClaims } from '../store/claims.js';
import type { Db } from '../store/database.js';
import { insertMentions, insertMissingEntities } from '../store/entities.js';
import { appendRevisions, type NewRevision } from '../store/revisions.js';
import { findSourceByHash, insertSource } from '../store/sources.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { checkDuplicate, dedupeState, duplicateColumns, remember } from './near-duplicates.js';
import { claimFromExtraction, entityFromExtraction, sourceIdFor } from './to-domain.js';

/** What happened to one document. */
export type StoreOutcome =
  | { status: 'unchanged'; sourceId: string }
  | {
      status: 'ingested';
      sourceId: string;
      paragraphs: number;
      duplicateParagraphs: number;
      claims: number;
      entities: number;
      /** the original this document copies (exact or near), or null */
      duplicateOf: string | null;
      duplicateKind: 'exact' | 'near' | null;
      similarity: number | null;
    };

/** The actor that revisions made by ingestion name. */
export const ingestActor = 'ingest';

/**
 * Extracts a read document and stores it, all of it or none of it, in one transaction.
 * The same bytes stored again are a no-op reported as `unchanged`.
 */
export async function storeDocument(
  db: Kysely<Database>,
  doc: ReadDocument,
  extracted?: ExtractOutput,
): Promise<StoreOutcome> {
  const known = await findSourceByHash(db, doc.contentHash);
  if (known) return { status: 'unchanged', sourceId: known.id };
  const sourceId = sourceIdFor(doc.contentHash);
  // A worker thread may have extracted it already (see prepare-pool.ts).
  const found = extracted ?? extract(doc);
  const claims = found.claims.map((c) => ({
    claim: claimFromExtraction(sourceId, c),
    subjectType: c.subjectType,
  }));
  const entities = found.entities.map((e) => ({ entity: entityFromExtraction(e), mentions: e.mentions }));
  const duplicateParagraphs = doc.paragraphs.filter((p) => p.duplicateOf !== null).length;
  const at = new Date().toISOString();
  const dedupe = await dedupeState(db);
  const copy = checkDuplicate(dedupe, doc.title, doc.text);
  try {
    await db.transaction().execute(async (trx: Db) => {
      await insertSource(
        trx,
        {
          id: sourceId,
          uri: doc.uri,
          content_hash: doc.contentHash,
          media_type: doc.mediaType,
          title: doc.title,
          byline: doc.byline,
          publisher: doc.publisher,
          language: doc.language,
          published_at: doc.publishedAt,
          ingested_at: at,
          byte_size: doc.byteSize,
          text: doc.text,
          paragraph_count: doc.paragraphs.length,
          duplicate_paragraph_count: duplicateParagraphs,
          claim_count: claims.length,
          ...duplicateColumns(dedupe, copy),
        },
        doc.paragraphs,
      );
      const created = await insertMissingEntities(
        trx,
        entities.map((e) => e.entity),
        at,
      );
      await insertMentions(
        trx,
        entities.flatMap(({ entity, mentions }) =>
          mentions.map((m) => ({ sourceId, entityId: entity.id, ...m })),
        ),
      );
      await insertClaims(
        trx,
        claims.map(({ claim, subjectType }) => claimToRow(claim, subjectType, at)),
      );
      const revisions: NewRevision[] = [
        ...created.map((e): NewRevision => ({
          targetKind: 'entity',
          targetId: e.id,
          action: 'create',
          actor: ingestActor,
          before: null,
          after: e,
          why: `found in ${doc.uri}`,
        })),
        ...claims.map(({ claim }): NewRevision => ({
          targetKind: 'claim',
          targetId: claim.id,
          action: 'create',
          actor: ingestActor,
          before: null,
          after: claim,
          why: `extracted from ${doc.uri}`,
        })),
      ];
      await appendRevisions(trx, revisions, at);
    });
  } catch (error) {
    // Another process stored the same bytes first: the unique content hash makes that harmless.
    const winner = await findSourceByHash(db, doc.contentHash);
    if (winner) return { status: 'unchanged', sourceId: winner.id };
    throw error;
  }
  remember(dedupe, sourceId, copy);
  return {
    status: 'ingested',
    sourceId,
    paragraphs: doc.paragraphs.length,
    duplicateParagraphs,
    claims: claims.length,
    entities: entities.length,
    duplicateOf: copy.duplicateOf,
    duplicateKind: copy.kind,
    similarity: copy.similarity,
  };
}
