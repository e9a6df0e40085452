// A new document against every stored one, inside the transaction that stores it. Each process keeps the stored
// documents' fingerprints in an LSH index in memory (comparing there costs microseconds), and inside each storing
// transaction first reads from the near-duplicate log what was committed since it last looked, whichever process
// stored it. The transaction locks the document's band keys first, so that a concurrent transaction storing a copy
// waits until this one has committed and then finds it in the log.
import type { Kysely, Transaction } from 'kysely';
import { bandKeys, decodeSignature, signatureVersion, textOf } from '../dedupe/band-keys.js';
import type { DedupeConfig } from '../dedupe/config.js';
import { NearDuplicateIndex } from '../dedupe/lsh.js';
import { fingerprint, type Fingerprint } from '../dedupe/minhash.js';
import type { Database, Db } from '../store/database.js';
import {
  lockBands,
  loggedSince,
  loggedSources,
  logSource,
  type LoggedSource,
} from '../store/near-duplicate-log.js';
import { dedupeConfig, type DuplicateCheck } from './near-duplicates.js';

/** What one process has read of the log of one database: the index, the root of every source, how far it read. */
export interface Seen {
  index: NearDuplicateIndex<string>;
  root: Map<string, string>;
  /** the last `seq` read */
  upTo: number;
  /** documents this process logged and has not read back yet: their fingerprint and root, known already */
  own: Map<string, { fingerprint: Fingerprint; root: string }>;
  config: Readonly<DedupeConfig>;
}

const seen = new WeakMap<object, Promise<Seen>>();

/**
 * This process's view of the log of a database, read once in full before its first storing transaction (so that
 * transaction, holding the write lock, only reads what came since).
 */
export function seenOf(db: Kysely<Database>, config = dedupeConfig()): Promise<Seen> {
  const known = seen.get(db);
  if (known) return known.then((state) => (state.config.threshold === config.threshold ? state : reload()));
  return reload();
  function reload() {
    const state: Seen = {
      index: new NearDuplicateIndex<string>(config),
      root: new Map(),
      upTo: 0,
      own: new Map(),
      config,
    };
    const loaded = catchUp(db, state).then(() => state);
    seen.set(db, loaded);
    // A failed read is not kept: the next document reads again.
    loaded.catch(() => seen.delete(db));
    return loaded;
  }
}

/**
 * Adds what was logged since `state.upTo`, in log order: this process's own documents from memory, the others'
 * from their stored fingerprints (made again from the text when made with other parameters). A row read twice
 * (two transactions of one process catching up at once) is added once.
 */
async function catchUp(trx: Db, state: Seen): Promise<void> {
  const rows = await loggedSince(trx, state.upTo);
  const others = await loggedSources(
    trx,
    rows.filter((r) => !state.own.has(r.sourceId)).map((r) => r.sourceId),
  );
  const version = signatureVersion(state.config);
  for (const row of rows) {
    if (row.seq <= state.upTo) continue;
    const mine = state.own.get(row.sourceId);
    state.own.delete(row.sourceId);
    const other = others.get(row.sourceId);
    const fp = mine?.fingerprint ?? (other && (await storedFingerprint(trx, other, version, state.config)));
    if (fp && !state.root.has(row.sourceId)) {
      state.index.add(row.sourceId, fp);
      state.root.set(row.sourceId, mine?.root ?? other?.duplicateOf ?? row.sourceId);
    }
    state.upTo = Math.max(state.upTo, row.seq);
  }
}

async function storedFingerprint(
  trx: Db,
  row: LoggedSource,
  version: string,
  config: Readonly<DedupeConfig>,
): Promise<Fingerprint> {
  if (row.version === version && row.dedupeKey && row.signature)
    return {
      exactKey: row.dedupeKey,
      words: 1,
      shingles: new Uint32Array(0),
      signature: decodeSignature(row.signature),
    };
  const { title, text } = await trx
    .selectFrom('source')
    .select(['title', 'text'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return fingerprint(textOf(title, text), config);
}

/**
 * Compares a document with every stored one, first in its transaction: locks its band keys, reads the log up to
 * now, then matches in memory. The same normalized text is an exact copy; else the most similar at or above the
 * threshold (the earliest stored among equals). The original named is the root of the family it joins.
 */
export async function checkDuplicate(
  trx: Transaction<Database>,
  state: Seen,
  fp: Fingerprint,
): Promise<DuplicateCheck> {
  const none: DuplicateCheck = { fingerprint: fp, duplicateOf: null, kind: null, similarity: null };
  if (fp.words === 0) return none;
  await lockBands(trx, bandKeys(fp, state.config));
  await catchUp(trx, state);
  const match = state.index.match(fp);
  if (!match) return none;
  return {
    fingerprint: fp,
    duplicateOf: state.root.get(match.id) ?? match.id,
    kind: match.kind,
    similarity: Math.round(match.similarity * 1000) / 1000,
  };
}

/**
 * Logs a stored document, as the last write of its transaction, so that later documents of every process are
 * compared with it; this process reads it back at its next document, its fingerprint from memory. A text without
 * words is never compared, so not logged.
 */
export async function remember(
  trx: Transaction<Database>,
  state: Seen,
  sourceId: string,
  check: DuplicateCheck,
): Promise<void> {
  if (check.fingerprint.words === 0) return;
  await logSource(trx, sourceId);
  state.own.set(sourceId, { fingerprint: check.fingerprint, root: check.duplicateOf ?? sourceId });
}
