import { PassThrough } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import type { Context } from 'hono';
import ExcelJS from 'exceljs';
import { csvHeader, csvLines, neutralizeFormula, type CsvColumn } from './csv.js';
import { keepSlot, limitsOf } from './load-limit.js';
import { streamedBody } from './streamed-body.js';

/** The formats every list can be downloaded in, besides its JSON page. */
export const twinFormats = ['json', 'csv', 'xlsx', 'geojson'] as const;
export type TwinFormat = (typeof twinFormats)[number];

/** The media type of each download format. */
export const twinMediaTypes: Record<TwinFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
};

/** A point of a row, for GeoJSON: WGS 84 longitude and latitude. */
export interface Point {
  longitude: number;
  latitude: number;
}

/** How a list's rows become files: its columns, and for lists with places, each row's point. */
export interface TwinSpec<T> {
  /** the file name without extension ("projects") */
  name: string;
  columns: CsvColumn<T>[];
  /** the row's point, or null when it has none (such rows are left out of GeoJSON) */
  point?: (row: T) => Point | null;
}

/** Pages of rows, as a download reads them. */
export type Rows<T> = AsyncIterable<T[]>;

/** A sheet's cell: numbers as numbers (not finite: empty), text neutralized against formulas, nothing as empty. */
function sheetCell(value: string | number | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return neutralizeFormula(value);
}

/** RFC 4180 CSV of the rows, a page at a time. */
export async function* csvChunks<T>(spec: TwinSpec<T>, pages: Rows<T>): AsyncGenerator<string> {
  yield csvHeader(spec.columns);
  for await (const rows of pages) yield csvLines(spec.columns, rows);
}

/**
 * An XLSX workbook of one sheet (a bold, frozen header row, then the rows), written by exceljs's streaming writer
 * a page at a time: each page's rows are committed, and the bytes the zip has made of them handed on.
 */
export async function* xlsxChunks<T>(spec: TwinSpec<T>, pages: Rows<T>): AsyncGenerator<Uint8Array> {
  const out = new PassThrough();
  const made: Buffer[] = [];
  out.on('data', (chunk: Buffer) => made.push(chunk));
  const finished = new Promise((resolve, reject) => out.once('end', resolve).once('error', reject));
  // A download cut or cancelled before the end never waits for it; its failure must not go unhandled.
  finished.catch(() => undefined);
  const take = () => new Uint8Array(Buffer.concat(made.splice(0)));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Puente';
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for await (const rows of pages) {
    for (const row of rows) sheet.addRow(spec.columns.map((c) => sheetCell(c.value(row)))).commit();
    // The zip compresses on the thread pool: a turn of the loop lets it hand over what it has.
    await turn();
    yield take();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  yield take();
}

/** A GeoJSON FeatureCollection (RFC 7946): one Point feature per row that has one, its columns as properties. */
export async function* geoJsonChunks<T>(spec: TwinSpec<T>, pages: Rows<T>): AsyncGenerator<string> {
  const point = spec.point ?? (() => null);
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const rows of pages) {
    let out = '';
    for (const row of rows) {
      const p = point(row);
      if (!p) continue;
      const feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
        properties: Object.fromEntries(spec.columns.map((c) => [c.header, c.value(row) ?? null])),
      };
      out += (first ? '' : ',') + JSON.stringify(feature);
      first = false;
    }
    yield out;
  }
  yield ']}';
}

/** `{"items":[...],"total":N}`: each page's rows made into items by `toItems`, `total` the number sent. */
export async function* jsonChunks<T>(
  pages: Rows<T>,
  toItems: (rows: T[]) => unknown[] | Promise<unknown[]>,
): AsyncGenerator<string> {
  yield '{"items":[';
  let total = 0;
  for await (const rows of pages) {
    const items = await toItems(rows);
    yield (total > 0 && items.length > 0 ? ',' : '') + items.map((item) => JSON.stringify(item)).join(',');
    total += items.length;
  }
  yield `],"total":${total}}`;
}

const mediaTypes: Record<TwinFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: twinMediaTypes.xlsx,
  geojson: 'application/geo+json; charset=utf-8',
};

/**
 * Sends the rows in the asked format as a download named after the list, streamed a page at a time (see
 * `streamedBody` for its limits); the request's load-limit slot is held until the last byte is taken. The JSON
 * twin's items are the rows themselves unless `toItems` makes them (claims with their annotations).
 */
export function sendTwin<T>(
  c: Context,
  format: TwinFormat,
  spec: TwinSpec<T>,
  pages: Rows<T>,
  toItems: (rows: T[]) => unknown[] | Promise<unknown[]> = (rows) => rows,
): Response {
  const chunks =
    format === 'csv'
      ? csvChunks(spec, pages)
      : format === 'xlsx'
        ? xlsxChunks(spec, pages)
        : format === 'geojson'
          ? geoJsonChunks(spec, pages)
          : jsonChunks(pages, toItems);
  const limits = limitsOf(c.req.raw);
  const slot = keepSlot(c.req.raw);
  const body = streamedBody(chunks, { limits, onEnd: slot?.release });
  return c.body(body, 200, {
    'Content-Type': mediaTypes[format],
    'Content-Disposition': `attachment; filename="${spec.name}.${format}"`,
  });
}
