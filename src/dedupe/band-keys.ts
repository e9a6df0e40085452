// How a document's fingerprint is kept in the database so that any process can find its copies: the signature as
// base64 of its 32-bit words, the version of the parameters that shaped it, and its keys in the band table (one
// per LSH band, and one for the exact key of the normalized text).
import type { DedupeConfig } from './config.js';
import { bandHash } from './lsh.js';
import type { Fingerprint } from './minhash.js';

/** Signatures made with other parameters cannot be compared: the version names the ones that shape them. */
export const signatureVersion = (c: Readonly<DedupeConfig>) => `k${c.shingleSize}-h${c.numHashes}-s${c.seed}`;

/** The version of the band keys: the signature's, and the banding. */
export const bandsVersion = (c: Readonly<DedupeConfig>) =>
  `${signatureVersion(c)}-b${c.bands}x${c.rowsPerBand}`;

/** A signature as stored: base64 of its 32-bit words. */
export const encodeSignature = (signature: Uint32Array) =>
  Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64');

/** A stored signature read back. */
export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** What the fingerprint reads: the headline and the text. */
export const textOf = (title: string | null, text: string) => (title ? `${title}\n\n${text}` : text);

// A key is a band's number times 2^32 plus the band's 32-bit hash; the exact key takes the number after the last
// band and the first 32 bits of its hash. Every key stays below 2^53, an exact JavaScript number.
const span = 2 ** 32;

/** The number of the "band" that holds exact keys: the one after the last LSH band. */
export const exactBand = (c: Readonly<DedupeConfig>) => c.bands;

/** A key's band (its lock space) and its 32-bit hash. */
export const splitKey = (key: number): [band: number, hash: number] => [Math.floor(key / span), key % span];

/** The band-table key of a normalized text's exact key (`x_` and 32 hex digits). */
export const exactRowKey = (exactKey: string, c: Readonly<DedupeConfig>) =>
  exactBand(c) * span + Number.parseInt(exactKey.slice(2, 10), 16);

/** The keys a fingerprint is filed under: its exact key first, then one per LSH band. */
export function bandRowKeys(
  fp: Pick<Fingerprint, 'exactKey' | 'signature'>,
  c: Readonly<DedupeConfig>,
): number[] {
  const keys = [exactRowKey(fp.exactKey, c)];
  for (let band = 0; band < c.bands; band++)
    keys.push(band * span + (bandHash(fp.signature, band, c.rowsPerBand) >>> 0));
  return keys;
}
