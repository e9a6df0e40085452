import type { Page } from '../store/paging.js';

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
