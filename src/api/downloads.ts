import { decodeCursor, encodeCursor, type Page } from '../store/paging.js';

/** Rows at most in one download (CSV, XLSX, GeoJSON, JSON twin of a list). */
export const downloadRowCap = 100_000;

/** Every item of a list, page after page from `cursor`, up to the download cap. */
export async function allPages<T>(
  page: (cursor: string | null | undefined) => Promise<Page<T>>,
  cursor?: string | null,
): Promise<T[]> {
  const rows: T[] = [];
  let next: string | null | undefined = cursor;
  do {
    const got = await page(next);
    for (const item of got.items) rows.push(item);
    next = got.next;
  } while (next && rows.length < downloadRowCap);
  return rows.slice(0, downloadRowCap);
}

/**
 * A page of items already in memory and sorted by id (a release's), after the cursor's id; every row up to the
 * download cap when `limit` is undefined.
 */
export function pageInMemory<T extends { id: string }>(
  rows: T[],
  limit: number | undefined,
  cursor: string | null | undefined,
): Page<T> {
  const after = cursor ? String(decodeCursor(cursor, ['string'])[0]) : null;
  const rest = after === null ? rows : rows.filter((r) => r.id > after);
  const kept = rest.slice(0, limit ?? downloadRowCap);
  const last = kept[kept.length - 1];
  return {
    items: kept,
    total: rows.length,
    next: limit !== undefined && rest.length > kept.length && last ? encodeCursor([last.id]) : null,
  };
}
