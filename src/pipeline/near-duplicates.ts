import type { Kysely } from 'kysely';
import { DEDUPE_CONFIG, type DedupeConfig } from '../dedupe/config.js';
import { NearDuplicateIndex } from '../dedupe/lsh.js';
import { fingerprint, type Fingerprint } from '../dedupe/minhash.js';
import type { Database } from '../store/database.js';

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

/** Signatures made with other parameters cannot be compared: the version names the ones that shape them. */
export const signatureVersion = (c: Readonly<DedupeConfig>) => `k${c.shingleSize}-h${c.numHashes}-s${c.seed}`;

const encode = (signature: Uint32Array) =>
  Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64');
const decode = (text: string) => {
  const bytes = Buffer.from(text, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};

/** The near-duplicate index of one database, with the root original of every stored source. */
export interface DedupeState {
  index: NearDuplicateIndex<string>;
  root: Map<string, string>;
  version: string;
}

const states = new WeakMap<object, Promise<DedupeState>>();

/**
 * The index of the documents already stored, built once per process and database from their stored
 * fingerprints (oldest first, so a copy always finds the earliest original). A source stored with other
 * parameters is fingerprinted again from its text.
 */
export function dedupeState(db: Kysely<Database>, config = dedupeConfig()): Promise<DedupeState> {
  let state = states.get(db);
  if (!state) {
    state = loadDedupeState(db, config);
    states.set(db, state);
    // A failed load is not cached: the next document tries again.
    state.catch(() => states.delete(db));
  }
  return state;
}

/** Builds the index from what the database holds (what `dedupeState` caches). */
export async function loadDedupeState(
  db: Kysely<Database>,
  config: Readonly<DedupeConfig> = dedupeConfig(),
): Promise<DedupeState> {
  const index = new NearDuplicateIndex<string>(config);
  const version = signatureVersion(config);
  const root = new Map<string, string>();
  const rows = await db
    .selectFrom('source')
    .select(['id', 'title', 'text', 'duplicate_of', 'dedupe_key', 'dedupe_signature', 'dedupe_version'])
    // Dataset records (`puente import`) are never compared (see fingerprintOnly).
    .where('media_type', '!=', 'text/csv')
    .orderBy('ingested_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    root.set(row.id, row.duplicate_of ?? row.id);
    const stored =
      row.dedupe_version === version && row.dedupe_key && row.dedupe_signature
        ? {
            exactKey: row.dedupe_key,
            words: 1,
            shingles: new Uint32Array(0),
            signature: decode(row.dedupe_signature),
          }
        : index.fingerprint(textOf(row.title, row.text));
    index.add(row.id, stored);
  }
  return { index, root, version };
}

/** What the fingerprint reads: the headline and the text. */
export const textOf = (title: string | null, text: string) => (title ? `${title}\n\n${text}` : text);

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

/** How a new document relates to those stored: its fingerprint, and the original it copies if any. */
export interface DuplicateCheck {
  fingerprint: Fingerprint;
  duplicateOf: string | null;
  kind: 'exact' | 'near' | null;
  similarity: number | null;
}

// The fingerprint made ahead when it was made with this index's parameters, else made now.
const fingerprintFor = (state: DedupeState, title: string | null, text: string, ahead?: FingerprintAhead) =>
  ahead?.version === state.version ? ahead.value : state.index.fingerprint(textOf(title, text));

/**
 * Compares a document with every stored one; the original named is the root of the family it joins. A fingerprint
 * made ahead is used when it was made with this index's parameters.
 */
export function checkDuplicate(
  state: DedupeState,
  title: string | null,
  text: string,
  ahead?: FingerprintAhead,
): DuplicateCheck {
  const fingerprint = fingerprintFor(state, title, text, ahead);
  const match = state.index.match(fingerprint);
  if (!match) return { fingerprint, duplicateOf: null, kind: null, similarity: null };
  return {
    fingerprint,
    duplicateOf: state.root.get(match.id) ?? match.id,
    kind: match.kind,
    similarity: Math.round(match.similarity * 1000) / 1000,
  };
}

/** A dataset record's fingerprint, kept with it, but never compared: records are not copies of each other. */
export function fingerprintOnly(
  state: DedupeState,
  title: string | null,
  text: string,
  ahead?: FingerprintAhead,
): DuplicateCheck {
  return {
    fingerprint: fingerprintFor(state, title, text, ahead),
    duplicateOf: null,
    kind: null,
    similarity: null,
  };
}

/** The columns that keep a document's fingerprint and link. */
export const duplicateColumns = (state: DedupeState, check: DuplicateCheck) => ({
  duplicate_of: check.duplicateOf,
  duplicate_kind: check.kind,
  duplicate_similarity: check.similarity,
  dedupe_key: check.fingerprint.words > 0 ? check.fingerprint.exactKey : null,
  dedupe_signature: check.fingerprint.words > 0 ? encode(check.fingerprint.signature) : null,
  dedupe_version: check.fingerprint.words > 0 ? state.version : null,
});

/** Records a stored document in the index, once its transaction has committed. */
export function remember(state: DedupeState, sourceId: string, check: DuplicateCheck): void {
  state.index.add(sourceId, check.fingerprint);
  state.root.set(sourceId, check.duplicateOf ?? sourceId);
}
