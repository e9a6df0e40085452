import { extract, type ExtractOutput } from '../extract/extract.js';
import { defaultLexicon } from '../reference/lexicon.js';
import type { Ahead } from './prepare.js';
import type { ReadDocument } from '../ingest/read-document.js';
import { claimToRow, insertClaims } from '../store/claims.js';
import type { Db } from '../store/database.js';
import { insertMentions, insertMissingEntities } from '../store/entities.js';
import { appendRevisions, type NewRevision } from '../store/revisions.js';
import { findSourceByHash, firstParagraphs, insertSource, type ParagraphPlace } from '../store/sources.js';
import type { Paragraph } from '../domain/source.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { checkDuplicate, remember, seenOf } from './near-duplicate-check.js';
import {
  dedupeConfig,
  duplicateColumns,
  fingerprintFor,
  fingerprintOnly,
  type DuplicateCheck,
} from './near-duplicates.js';
import { projectKeyKinds, sourceIdFor, storable, type Storable } from './to-domain.js';
import { markProjects, refreshMarkedViews } from '../reconcile/projects.js';

/** What happened to one document. */
export type StoreOutcome =
  | { status: 'unchanged'; sourceId: string }
  | {
      status: 'ingested';
      sourceId: string;
      paragraphs: number;
      /** paragraphs that repeat an earlier paragraph of the document or one stored by another source */
      duplicateParagraphs: number;
      /** of those, the paragraphs another source stored first */
      repeatedParagraphs: number;
      claims: number;
      entities: number;
      /** the original this document copies (exact or near), or null */
      duplicateOf: string | null;
      duplicateKind: 'exact' | 'near' | null;
      similarity: number | null;
      /** the extraction stages that failed on a paragraph: the document is stored without their findings there */
      extractionErrors: ExtractOutput['errors'];
    };

/** How a document is stored. */
export interface StoreOptions {
  /**
   * A dataset record (`puente import`): never a near-duplicate of another record, and its paragraphs are not
   * marked as repeats of other records (records of linked projects share whole paragraphs but are distinct
   * records about distinct projects).
   */
  dataset?: boolean;
  /**
   * Part of a batch that recomputes the views of the projects it marks itself, every few hundred documents and at
   * its end (`batchViews`); else this document's projects get their views as soon as it is stored.
   */
  batch?: boolean;
}

/** The actor that revisions made by ingestion name. */
export const ingestActor = 'ingest';

/**
 * Extracts a read document and stores it, all of it or none of it, in one transaction.
 * The same bytes stored again are a no-op reported as `unchanged`.
 */
export async function storeDocument(
  db: Kysely<Database>,
  doc: ReadDocument,
  ahead?: Ahead,
  options: StoreOptions = {},
): Promise<StoreOutcome> {
  const known = await findSourceByHash(db, doc.contentHash);
  if (known) return { status: 'unchanged', sourceId: known.id };
  const sourceId = sourceIdFor(doc.contentHash);
  // A worker thread may have extracted and fingerprinted it already (see prepare-pool.ts).
  const found = ahead?.found ?? storable(doc.contentHash, extract(doc, defaultLexicon()));
  const { claims, entities } = found;
  const at = new Date().toISOString();
  let repeatedParagraphs = 0;
  let duplicateParagraphs = 0;
  const config = dedupeConfig();
  const fp = fingerprintFor(doc.title, doc.text, ahead?.fingerprint, config);
  // Dataset records are never compared: they need nothing of the others.
  const seen = options.dataset ? null : await seenOf(db, config);
  let copy: DuplicateCheck = fingerprintOnly(fp);
  let marked: string[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      // First in the transaction: the original it copies, whichever process stored it (this locks its bands).
      if (seen) copy = await checkDuplicate(trx, seen, fp);
      const repeats = options.dataset
        ? new Map<string, ParagraphPlace>()
        : await firstParagraphs(
            trx,
            doc.paragraphs.filter((p) => p.duplicateOf === null).map((p) => p.hash),
          );
      repeatedParagraphs = doc.paragraphs.filter((p) => p.duplicateOf === null && repeats.has(p.hash)).length;
      duplicateParagraphs = doc.paragraphs.filter((p) => p.duplicateOf !== null).length + repeatedParagraphs;
      const repeatedIn = repeatedSpans(doc.paragraphs, repeats);
      for (const { claim } of claims) claim.repeatsSource = repeatedIn(claim.evidence.start);
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
          ...duplicateColumns(copy, config),
        },
        doc.paragraphs,
        repeats,
      );
      await linkStoredProjects(trx, entities, claims);
      // In id order: two transactions that write the same entities lock their rows in one order (PostgreSQL).
      const created = await insertMissingEntities(
        trx,
        entities.map((e) => e.entity).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
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
        // One revision for the document and the claims it brings; each claim's history starts there.
        {
          targetKind: 'source',
          targetId: sourceId,
          action: 'create',
          actor: ingestActor,
          before: null,
          after: { uri: doc.uri, claims: claims.map(({ claim }) => claim.id) },
          why: `ingested ${doc.uri}`,
        },
      ];
      await appendRevisions(trx, revisions, at);
      // The projects this document speaks of get their views recomputed with its claims (refreshDirtyProjects).
      marked = [
        ...entities.filter((e) => e.entity.type === 'project').map((e) => e.entity.id),
        ...claims.flatMap(({ claim }) => (claim.subjectId?.startsWith('project:') ? [claim.subjectId] : [])),
      ];
      await markProjects(trx, marked);
      // Last: logging the document orders it after every transaction that committed before (see logSource).
      if (seen) await remember(trx, seen, sourceId, copy);
    });
  } catch (error) {
    // Another process stored the same bytes first: the unique content hash makes that harmless.
    const winner = await findSourceByHash(db, doc.contentHash);
    if (winner) return { status: 'unchanged', sourceId: winner.id };
    throw error;
  }
  if (!options.batch) await refreshMarkedViews(db, marked);
  return {
    status: 'ingested',
    sourceId,
    paragraphs: doc.paragraphs.length,
    duplicateParagraphs,
    repeatedParagraphs,
    claims: claims.length,
    entities: entities.length,
    duplicateOf: copy.duplicateOf,
    duplicateKind: copy.kind,
    similarity: copy.similarity,
    extractionErrors: found.errors,
  };
}

/** For an offset into the text, the source that first stored the paragraph holding it, or null. */
function repeatedSpans(paragraphs: Paragraph[], repeats: ReadonlyMap<string, ParagraphPlace>) {
  const repeated = paragraphs.flatMap((p) => {
    const first = p.duplicateOf === null ? repeats.get(p.hash) : undefined;
    return first ? [{ start: p.start, end: p.end, sourceId: first.sourceId }] : [];
  });
  return (offset: number) => repeated.find((p) => p.start <= offset && offset < p.end)?.sourceId ?? null;
}

/**
 * A project named without a kind word ("Coca Codo Sinclair", key `project:work:coca-codo-sinclair`) is the stored
 * project of the same words with a kind ("Coca Codo Sinclair Dam", `project:dam:coca-codo-sinclair`), and the
 * other way round: when exactly one such project is stored, the document's entity and claims take its id.
 */
async function linkStoredProjects(db: Db, entities: Storable['entities'], claims: Storable['claims']) {
  const remap = new Map<string, string>();
  for (const { entity } of entities) {
    const key = /^project:([a-z]+):(.+)$/.exec(entity.id);
    if (!key || entity.reviewState !== 'proposed') continue;
    const [, kind, words] = key;
    const kinds = kind === 'work' ? projectKeyKinds : ['work'];
    const ids = [entity.id, ...kinds.filter((k) => k !== kind).map((k) => `project:${k}:${words}`)];
    const stored = await db.selectFrom('entity').select('id').where('id', 'in', ids).execute();
    // Already stored under its own key, or ambiguous: nothing to do.
    if (stored.some((r) => r.id === entity.id) || stored.length !== 1 || !stored[0]) continue;
    remap.set(entity.id, stored[0].id);
  }
  if (remap.size === 0) return;
  for (const e of entities) e.entity.id = remap.get(e.entity.id) ?? e.entity.id;
  for (const { claim } of claims)
    if (claim.subjectId) claim.subjectId = remap.get(claim.subjectId) ?? claim.subjectId;
}
