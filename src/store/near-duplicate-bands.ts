import type { Kysely, Transaction } from 'kysely';
import {
  bandRowKeys,
  bandsVersion,
  decodeSignature,
  encodeSignature,
  signatureVersion,
  splitKey,
  textOf,
} from '../dedupe/band-keys.js';
import type { DedupeConfig } from '../dedupe/config.js';
import { fingerprint } from '../dedupe/minhash.js';
import { backendOf, lockSpaces } from './backend.js';
import type { Database, Db } from './database.js';
import { getMeta, setMeta } from './meta.js';

/** The meta key that names the version of the band keys the table holds. */
export const bandsMetaKey = 'near_duplicate_bands';

/** A stored source filed under some of a new document's keys, with its fingerprint and family. */
export interface FiledSource {
  id: string;
  dedupeKey: string | null;
  signature: string | null;
  version: string | null;
  /** the root of its family, or null for an original */
  duplicateOf: string | null;
  /** filed under the new document's exact key */
  underExactKey: boolean;
  /** filed under one of the new document's LSH bands */
  inBand: boolean;
}

/**
 * Locks the keys for the rest of the transaction, then returns the sources filed under them, oldest first. The
 * lock makes a concurrent transaction that stores a document under one of the same keys wait until this one has
 * committed, and then see it: two copies stored at once by two processes still find each other.
 */
export async function sourcesFiledUnder(
  trx: Transaction<Database>,
  keys: readonly number[],
  exactKey: number,
): Promise<FiledSource[]> {
  await backendOf(trx).lockKeys(
    trx,
    keys.map((k) => {
      const [band, hash] = splitKey(k);
      return [lockSpaces.nearDuplicates + band, hash] as const;
    }),
  );
  // Most documents copy nothing: one look into the band table's key alone says so.
  const filed = await trx
    .selectFrom('near_duplicate_band')
    .select(['key', 'source_id'])
    .where('key', 'in', [...keys])
    .execute();
  if (filed.length === 0) return [];
  const rows = await trx
    .selectFrom('source')
    .select(['id', 'dedupe_key', 'dedupe_signature', 'dedupe_version', 'duplicate_of'])
    .where('id', 'in', [...new Set(filed.map((f) => f.source_id))])
    .orderBy('ingested_at')
    .orderBy('id')
    .execute();
  const under = (id: string, exact: boolean) =>
    filed.some((f) => f.source_id === id && (Number(f.key) === exactKey) === exact);
  return rows.map((r) => ({
    id: r.id,
    dedupeKey: r.dedupe_key,
    signature: r.dedupe_signature,
    version: r.dedupe_version,
    duplicateOf: r.duplicate_of,
    underExactKey: under(r.id, true),
    inBand: under(r.id, false),
  }));
}

/** Files a stored source under its keys (in the transaction that stores it). */
export async function fileSource(db: Db, sourceId: string, keys: readonly number[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('near_duplicate_band')
    .values(keys.map((key) => ({ key, source_id: sourceId })))
    .execute();
}

/**
 * Files every stored source again under the keys of these parameters, oldest first, as ingest would have: a
 * source whose fingerprint was made with other parameters is fingerprinted again from its text (and its columns
 * updated), an exact repeat of an earlier source and a dataset record are not filed. Records the version in meta.
 */
export async function refileSources(db: Db, config: Readonly<DedupeConfig>): Promise<void> {
  await db.deleteFrom('near_duplicate_band').execute();
  const version = signatureVersion(config);
  const rows = await db
    .selectFrom('source')
    .select(['id', 'dedupe_key', 'dedupe_signature', 'dedupe_version'])
    .where('media_type', '!=', 'text/csv')
    .orderBy('ingested_at')
    .orderBy('id')
    .execute();
  const filed = new Set<string>();
  let pending: { key: number; source_id: string }[] = [];
  const flush = async () => {
    if (pending.length > 0) await db.insertInto('near_duplicate_band').values(pending).execute();
    pending = [];
  };
  for (const row of rows) {
    let fp =
      row.dedupe_version === version && row.dedupe_key && row.dedupe_signature
        ? { exactKey: row.dedupe_key, signature: decodeSignature(row.dedupe_signature), words: 1 }
        : null;
    if (!fp) {
      const { title, text } = await db
        .selectFrom('source')
        .select(['title', 'text'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      fp = fingerprint(textOf(title, text), config);
      const words = fp.words > 0;
      await db
        .updateTable('source')
        .set({
          dedupe_key: words ? fp.exactKey : null,
          dedupe_signature: words ? encodeSignature(fp.signature) : null,
          dedupe_version: words ? version : null,
        })
        .where('id', '=', row.id)
        .execute();
    }
    if (fp.words === 0 || filed.has(fp.exactKey)) continue;
    filed.add(fp.exactKey);
    for (const key of bandRowKeys(fp, config)) pending.push({ key, source_id: row.id });
    if (pending.length >= 1000) await flush();
  }
  await flush();
  await setMeta(db, bandsMetaKey, bandsVersion(config));
}

/**
 * Files the stored sources again when the table holds keys of other parameters (or none yet); a no-op when it is
 * up to date. Two processes that find it stale at once refile it once: the second waits, then finds it done.
 */
export async function refileIfStale(db: Kysely<Database>, config: Readonly<DedupeConfig>): Promise<void> {
  if ((await getMeta(db, bandsMetaKey)) === bandsVersion(config)) return;
  await db.transaction().execute(async (trx) => {
    await backendOf(trx).lockKeys(trx, [[lockSpaces.nearDuplicates + config.bands + 1, 0]]);
    if ((await getMeta(trx, bandsMetaKey)) !== bandsVersion(config)) await refileSources(trx, config);
  });
}
