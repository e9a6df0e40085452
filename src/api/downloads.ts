import { setImmediate as turn } from 'node:timers/promises';
import { decodeCursor, encodeCursor, type Page } from '../store/paging.js';

/** Rows at most in one download (CSV, XLSX, GeoJSON, JSON twin of a list). */
export const downloadRowCap = 100_000;

/** A page of a list from a cursor, of at most `limit` items. */
export type PageFetch<T> = (cursor: string | null | undefined, limit: number) => Promise<Page<T>>;

/** Every item of a list, page after page from `cursor`, up to the download cap, in memory (for small lists). */
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
 * The pages of a download from `cursor`, up to the download cap: the first is fetched now, so that a bad cursor
 * or a missing release is answered as an error before any header is sent; each next one when it is asked for,
 * after a turn of the event loop.
 */
export async function downloadPages<T>(
  page: PageFetch<T>,
  cursor: string | null | undefined,
  pageSize: number,
): Promise<AsyncGenerator<T[], void>> {
  const first = await page(cursor, Math.min(pageSize, downloadRowCap));
  async function* pages(): AsyncGenerator<T[], void> {
    let got = first;
    let sent = 0;
    for (;;) {
      const items = got.items.slice(0, downloadRowCap - sent);
      sent += items.length;
      yield items;
      if (!got.next || sent >= downloadRowCap) return;
      // SQLite answers synchronously: without a turn of the event loop here, a whole download would run as one
      // chain of promises, and no other request (health, a project page) would be read until it ended.
      await turn();
      got = await page(got.next, Math.min(pageSize, downloadRowCap - sent));
    }
  }
  return pages();
}

/** The pages of rows already in memory and sorted by id (a release's). */
export const pagesInMemory =
  <T extends { id: string }>(rows: T[]): PageFetch<T> =>
  async (cursor, limit) =>
    pageInMemory(rows, limit, cursor);

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
