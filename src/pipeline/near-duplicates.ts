import type { Kysely, Transaction } from 'kysely';
import {
  bandRowKeys,
  decodeSignature,
  encodeSignature,
  exactRowKey,
  signatureVersion,
  textOf,
} from '../dedupe/band-keys.js';
import { DEDUPE_CONFIG, type DedupeConfig } from '../dedupe/config.js';
import { bestCandidate } from '../dedupe/lsh.js';
import { fingerprint, type Fingerprint } from '../dedupe/minhash.js';
import type { Database, Db } from '../store/database.js';
import { fileSource, refileIfStale, sourcesFiledUnder } from '../store/near-duplicate-bands.js';

export { signatureVersion, textOf };

/**
 * The near-duplicate parameters in force: the defaults of src/dedupe/config.ts, with the similarity threshold
 * overridable by `PUENTE_NEAR_DUPLICATE_THRESHOLD` (a number in (0, 1]; 0.7 estimated Jaccard on 5-word shingles).
 */
export function dedupeConfig(env: NodeJS.ProcessEnv = process.env): Readonly<DedupeConfig> {
  const said = env.PUENTE_NEAR_DUPLICATE_THRESHOLD;
  if (said === undefined || said === '') return DEDUPE_CONFIG;
  const threshold = Number(said);
  if (!(threshold > 0 && threshold <= 1))
    throw new Error(`PUENTE_NEAR_DUPLICATE_THRESHOLD must be a number in (0, 1], got "${said}"`);
  return { ...DEDUPE_CONFIG, threshold };
}

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

/** A document's fingerprint made ahead (in a worker thread), with the version of the parameters it was made with. */
export interface FingerprintAhead {
  version: string;
  value: Fingerprint;
}

/** The fingerprint of a document's headline and text with the parameters in force, for `checkDuplicate`. */
export function fingerprintAhead(
  title: string | null,
  text: string,
  config = dedupeConfig(),
): FingerprintAhead {
  const value = fingerprint(textOf(title, text), config);
  // The shingles are only compared when verifying; without that they need not travel between threads.
  if (!config.verifyWithShingles) value.shingles = new Uint32Array(0);
  return { version: signatureVersion(config), value };
}

/** The fingerprint made ahead when it was made with the parameters in force, else made now. */
export function fingerprintFor(
  title: string | null,
  text: string,
  ahead?: FingerprintAhead,
  config = dedupeConfig(),
): Fingerprint {
  return ahead?.version === signatureVersion(config) ? ahead.value : fingerprint(textOf(title, text), config);
}

/** How a new document relates to those stored: its fingerprint, and the original it copies if any. */
export interface DuplicateCheck {
  fingerprint: Fingerprint;
  duplicateOf: string | null;
  kind: 'exact' | 'near' | null;
  similarity: number | null;
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

/** A dataset record's fingerprint, kept with it, but never compared: records are not copies of each other. */
export function fingerprintOnly(fp: Fingerprint): DuplicateCheck {
  return { fingerprint: fp, duplicateOf: null, kind: null, similarity: null };
}

/** The columns that keep a document's fingerprint and link. */
export const duplicateColumns = (check: DuplicateCheck, config = dedupeConfig()) => ({
  duplicate_of: check.duplicateOf,
  duplicate_kind: check.kind,
  duplicate_similarity: check.similarity,
  dedupe_key: check.fingerprint.words > 0 ? check.fingerprint.exactKey : null,
  dedupe_signature: check.fingerprint.words > 0 ? encodeSignature(check.fingerprint.signature) : null,
  dedupe_version: check.fingerprint.words > 0 ? signatureVersion(config) : null,
});

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
