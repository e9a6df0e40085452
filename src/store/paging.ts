import { badRequest } from '../domain/errors.js';

/** How many items a list returns by default, and at most. */
export const defaultLimit = 50;
export const maxLimit = 500;

/** A page request: how many items, and the opaque cursor a previous page returned as `next`. */
export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | null | undefined;
}

/** A page of items: `next` is the cursor of the following page, or null on the last one. */
export interface Page<T> {
  items: T[];
  total: number;
  next: string | null;
}

type KeyValue = string | number | null;

/** Encodes the sort key of the last item of a page as an opaque cursor. */
export const encodeCursor = (key: KeyValue[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * The kind of each part of a list's sort key: text, a whole number within the database's integer range, or any
 * finite number; `?` after it lets the part be null too (a sort column that may be empty).
 */
export type KeyPart = 'string' | 'int' | 'number' | 'string?' | 'int?' | 'number?';

// Longer than any name a list sorts by (GCDF titles run to about 280 characters).
const maxKeyText = 600;

function fits(value: unknown, part: KeyPart | undefined): boolean {
  if (value === null) return part?.endsWith('?') ?? false;
  switch (part?.replace('?', '')) {
    case 'string':
      return typeof value === 'string' && !value.includes('\u0000') && value.length <= maxKeyText;
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return false;
  }
}

/** Decodes a cursor made by `encodeCursor`, checking each part has the kind the list sorts by. */
export function decodeCursor(cursor: string, parts: KeyPart[]): KeyValue[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== parts.length || !key.every((k, i) => fits(k, parts[i]))) {
    throw badRequest('invalid cursor', 'pass the `next` value of the previous page unchanged');
  }
  return key;
}

/** The limit clamped to 1..maxLimit; fetch one more row than this to learn whether a next page exists. */
export const pageLimit = (limit: number | undefined) =>
  Math.min(Math.max(limit ?? defaultLimit, 1), maxLimit);

/** Cuts the extra row off a fetched list and makes the `next` cursor from the last kept item. */
export function toPage<Row, T>(
  rows: Row[],
  limit: number,
  total: number,
  key: (row: Row) => KeyValue[],
  map: (row: Row) => T,
): Page<T> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(map), total, next: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
