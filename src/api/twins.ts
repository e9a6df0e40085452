import type { Context } from 'hono';
import ExcelJS from 'exceljs';
import { neutralizeFormula, toCsv, type CsvColumn } from './csv.js';

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

/** An XLSX workbook of one sheet: a bold header row, then the rows; text cells neutralized against formulas. */
export async function toXlsx<T>(spec: TwinSpec<T>, rows: T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Puente';
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
  sheet.addRow(spec.columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows)
    sheet.addRow(
      spec.columns.map((c) => {
        const value = c.value(row);
        if (value === null || value === undefined) return null;
        if (typeof value === 'number') return Number.isFinite(value) ? value : null;
        return neutralizeFormula(value);
      }),
    );
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A GeoJSON FeatureCollection (RFC 7946): one Point feature per row that has a point, `[longitude, latitude]`,
 * with the row's other columns as properties.
 */
export function toGeoJson<T>(spec: TwinSpec<T>, rows: T[]) {
  const point = spec.point ?? (() => null);
  return {
    type: 'FeatureCollection' as const,
    features: rows.flatMap((row) => {
      const p = point(row);
      if (!p) return [];
      return [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [p.longitude, p.latitude] },
          properties: Object.fromEntries(spec.columns.map((c) => [c.header, c.value(row) ?? null])),
        },
      ];
    }),
  };
}

/** Sends rows as the asked format, as a download named after the list. */
export async function sendTwin<T>(
  c: Context,
  format: TwinFormat,
  spec: TwinSpec<T>,
  rows: T[],
  json: unknown,
) {
  const file = (ext: string) => c.header('Content-Disposition', `attachment; filename="${spec.name}.${ext}"`);
  switch (format) {
    case 'csv':
      file('csv');
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(toCsv(spec.columns, rows));
    case 'xlsx': {
      file('xlsx');
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const bytes = await toXlsx(spec, rows);
      return c.body(new Uint8Array(bytes));
    }
    case 'geojson':
      file('geojson');
      c.header('Content-Type', 'application/geo+json; charset=utf-8');
      return c.body(JSON.stringify(toGeoJson(spec, rows)));
    default:
      file('json');
      return c.json(json);
  }
}
