import type { Kysely, Transaction } from 'kysely';
import { bandRowKeys, decodeSignature, exactRowKey, signatureVersion } from '../dedupe/band-keys.js';
import { bestCandidate } from '../dedupe/lsh.js';
import type { Fingerprint } from '../dedupe/minhash.js';
import type { Database, Db } from '../store/database.js';
import { fileSource, refileIfStale, sourcesFiledUnder } from '../store/near-duplicate-bands.js';
import { dedupeConfig, type DuplicateCheck } from './near-duplicates.js';

const upToDate = new WeakMap<object, Promise<void>>();

/**
 * Makes sure, once per process and database, that the band table holds the keys of these parameters (it is
 * filed again from the stored fingerprints when they changed, src/store/near-duplicate-bands.ts).
 */
export function bandsReady(db: Kysely<Database>, config = dedupeConfig()): Promise<void> {
  let ready = upToDate.get(db);
  if (!ready) {
    ready = refileIfStale(db, config);
    upToDate.set(db, ready);
    // A failed check is not cached: the next document tries again.
    ready.catch(() => upToDate.delete(db));
  }
  return ready;
}

/**
 * Compares a document with every stored one, in the transaction that stores it: the sources filed under its exact
 * key or one of its LSH bands, whichever process stored them, after locking those keys (so a concurrent
 * transaction storing a copy waits for this one, then finds it). The same normalized text is an exact copy; else
 * the most similar at or above the threshold (the oldest among equals). The original named is the root of the
 * family it joins.
 */
export async function checkDuplicate(
  trx: Transaction<Database>,
  fp: Fingerprint,
  config = dedupeConfig(),
): Promise<DuplicateCheck> {
  const none: DuplicateCheck = { fingerprint: fp, duplicateOf: null, kind: null, similarity: null };
  if (fp.words === 0) return none;
  const exactKey = exactRowKey(fp.exactKey, config);
  const filed = await sourcesFiledUnder(trx, bandRowKeys(fp, config), exactKey);
  const exact = filed.find((s) => s.underExactKey && s.dedupeKey === fp.exactKey);
  if (exact)
    return { fingerprint: fp, duplicateOf: exact.duplicateOf ?? exact.id, kind: 'exact', similarity: 1 };
  const version = signatureVersion(config);
  const candidates = filed.flatMap((s, order) =>
    s.inBand && s.signature && s.version === version
      ? [{ id: s, order, signature: decodeSignature(s.signature), shingles: null }]
      : [],
  );
  const match = bestCandidate(fp, candidates, config);
  if (!match) return none;
  return {
    fingerprint: fp,
    duplicateOf: match.id.duplicateOf ?? match.id.id,
    kind: 'near',
    similarity: Math.round(match.similarity * 1000) / 1000,
  };
}

/**
 * Files a stored document under its keys, in its transaction, so later documents find it. An exact repeat of an
 * earlier document is not filed: later copies find the earlier one.
 */
export async function remember(
  trx: Db,
  sourceId: string,
  check: DuplicateCheck,
  config = dedupeConfig(),
): Promise<void> {
  if (check.fingerprint.words === 0 || check.kind === 'exact') return;
  await fileSource(trx, sourceId, bandRowKeys(check.fingerprint, config));
}
