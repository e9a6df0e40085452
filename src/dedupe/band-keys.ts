// How a document's fingerprint is kept in the database so that any process can compare with it: the signature as
// base64 of its 32-bit words and the version of the parameters that shaped it; and the keys it shares with its
// possible copies (one per LSH band, and its exact key), which storing transactions lock.
import type { DedupeConfig } from './config.js';
import { bandHash } from './lsh.js';
import type { Fingerprint } from './minhash.js';

/** Signatures made with other parameters cannot be compared: the version names the ones that shape them. */
export const signatureVersion = (c: Readonly<DedupeConfig>) => `k${c.shingleSize}-h${c.numHashes}-s${c.seed}`;

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

/**
 * The keys a fingerprint is found under: one per LSH band (the band's number and its 32-bit hash), and the exact
 * key of its normalized text (the number after the last band, and the key's first 32 bits). Two documents that
 * can be copies of each other share at least one; transactions lock them (src/pipeline/near-duplicate-check.ts).
 */
export function bandKeys(
  fp: Pick<Fingerprint, 'exactKey' | 'signature'>,
  c: Readonly<DedupeConfig>,
): [band: number, hash: number][] {
  const keys: [number, number][] = [[c.bands, Number.parseInt(fp.exactKey.slice(2, 10), 16)]];
  for (let band = 0; band < c.bands; band++)
    keys.push([band, bandHash(fp.signature, band, c.rowsPerBand) >>> 0]);
  return keys;
}
