// The parameters and fingerprints of near-duplicate detection, which worker threads use too: nothing here touches
// the database (near-duplicate-check.ts compares a document with the stored ones, in its transaction).
import { encodeSignature, signatureVersion, textOf } from '../dedupe/band-keys.js';
import { DEDUPE_CONFIG, type DedupeConfig } from '../dedupe/config.js';
import { fingerprint, type Fingerprint } from '../dedupe/minhash.js';

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
