import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { badRequest } from '../domain/errors.js';
import { join, resolve } from 'node:path';
import { claimColumns } from '../api/claims-routes.js';
import { toCsv, type CsvColumn } from '../api/csv.js';
import { entityColumns } from '../api/entity-routes.js';
import type { Release } from '../domain/revision.js';
import type { Db } from '../store/database.js';
import { getRelease, releaseClaims, releaseEntities } from '../store/releases.js';

interface SourceRow {
  id: string;
  uri: string;
  title: string | null;
  publisher: string | null;
  language: string | null;
  published_at: string | null;
  media_type: string;
}

const sourceColumns: CsvColumn<SourceRow>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'uri', value: (s) => s.uri },
  { header: 'title', value: (s) => s.title },
  { header: 'publisher', value: (s) => s.publisher },
  { header: 'language', value: (s) => s.language },
  { header: 'published_at', value: (s) => s.published_at },
  { header: 'media_type', value: (s) => s.media_type },
];

type Field = { name: string; type: string; description?: string };
const field = (name: string, type = 'string', description?: string): Field =>
  description ? { name, type, description } : { name, type };

/** The Table Schema of each CSV resource, column for column. */
const schemas: Record<string, { fields: Field[]; primaryKey: string; foreignKeys?: unknown[] }> = {
  claims: {
    fields: [
      field('id'),
      field('source_id', 'string', 'the source whose text states the claim (sources.csv)'),
      field('subject_id', 'string', 'the entity the claim is about (entities.csv), when linked'),
      field('subject', 'string', 'the subject as the text names it'),
      field('property'),
      field('value', 'any', 'a number for quantities (in `unit`), else text: a date, a name, a status'),
      field('unit', 'string', 'ISO 4217 code for money, else MW, kV, km, TEU...'),
      field('currency'),
      field('qualifier', 'string', 'exact, approx, at_least, at_most'),
      field('time', 'string', 'YYYY, YYYY-MM, YYYY-MM-DD or a period YYYY/YYYY'),
      field('quote', 'string', "the evidence: the source's text from start to end"),
      field('start', 'integer', "offset of the quote in the source's normalized text (UTF-16 code units)"),
      field('end', 'integer'),
      field('origin', 'string', 'extractor:RULE, import:DATASET or person:USER'),
      field('review_state', 'string', 'accepted (or proposed, when the release included them)'),
    ],
    primaryKey: 'id',
    foreignKeys: [{ fields: 'source_id', reference: { resource: 'sources', fields: 'id' } }],
  },
  entities: {
    fields: [
      field('id'),
      field(
        'type',
        'string',
        'country, organization, person, place, project, mechanism, policy, event, indicator',
      ),
      field('name'),
      field('aliases', 'string', 'other names, separated by |'),
      field('review_state'),
      field('attributes', 'string', 'typed attributes as a JSON object'),
    ],
    primaryKey: 'id',
  },
  sources: {
    fields: [
      field('id'),
      field('uri'),
      field('title'),
      field('publisher'),
      field('language'),
      field('published_at'),
      field('media_type'),
    ],
    primaryKey: 'id',
  },
};

/**
 * Writes a Frictionless Data Package of a release into `dir`: claims.csv, entities.csv and sources.csv (the
 * sources its claims cite), and datapackage.json with their Table Schemas, licences and sources. Written into a
 * temporary folder beside `dir` and moved into place, so `dir` is never left half-written.
 */
export async function exportDataPackage(
  db: Db,
  dir: string,
  releaseName = 'latest',
): Promise<{ release: Release; dir: string; claims: number; entities: number; sources: number }> {
  const release = await getRelease(db, releaseName);
  const [claims, entities] = await Promise.all([releaseClaims(db, release), releaseEntities(db, release)]);
  const ids = [...new Set(claims.map((c) => c.evidence.sourceId))].sort();
  const sources: SourceRow[] = [];
  for (let i = 0; i < ids.length; i += 500)
    sources.push(
      ...(await db
        .selectFrom('source')
        .select(['id', 'uri', 'title', 'publisher', 'language', 'published_at', 'media_type'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  sources.sort((a, b) => (a.id < b.id ? -1 : 1));
  const target = resolve(dir);
  // Only an empty folder, or an earlier data package, is replaced: never a folder of other files.
  if (existsSync(target) && readdirSync(target).length > 0 && !existsSync(join(target, 'datapackage.json')))
    throw badRequest(
      `${target} exists and is not a data package`,
      'name a new or empty folder (an earlier data package there is replaced)',
    );
  const temporary = `${target}.partial-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  writeFileSync(join(temporary, 'claims.csv'), toCsv(claimColumns, claims));
  writeFileSync(join(temporary, 'entities.csv'), toCsv(entityColumns, entities));
  writeFileSync(join(temporary, 'sources.csv'), toCsv(sourceColumns, sources));
  const resource = (name: string, description: string) => ({
    name,
    path: `${name}.csv`,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    description,
    schema: schemas[name],
  });
  const descriptor = {
    profile: 'tabular-data-package',
    name: `puente-${release.name.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`,
    title: `Puente release ${release.name}: sourced claims on Chinese investment and cooperation in Latin America and the Caribbean`,
    version: release.name,
    created: release.createdAt,
    description: `Release ${release.name} (made ${release.createdAt} by ${release.createdBy}${
      release.note ? `: ${release.note}` : ''
    }). Every claim cites its source and the exact span of text that states it. Text cells starting with = + - @ tab or CR are prefixed with ' so that spreadsheets do not run them.`,
    homepage: 'https://github.com/puente-monitor/puente',
    licenses: [
      {
        name: 'ODC-By-1.0',
        path: 'https://opendatacommons.org/licenses/by/1-0/',
        title: 'Open Data Commons Attribution License 1.0',
      },
    ],
    sources: [
      {
        title: 'AidData, Global Chinese Development Finance Dataset, Version 3.0 (ODC-By 1.0)',
        path: 'https://www.aiddata.org/data/aiddatas-global-chinese-development-finance-dataset-version-3-0',
      },
      {
        title: 'The documents listed in sources.csv (quotes are short evidence spans of them)',
        path: 'sources.csv',
      },
    ],
    resources: [
      resource('claims', 'Claims: subject, property, typed value, time and the evidence span that states it'),
      resource('entities', 'Entities the claims are about or point to, with names in other languages'),
      resource('sources', 'The documents and dataset records the claims cite'),
    ],
  };
  writeFileSync(join(temporary, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(temporary, target);
  return { release, dir: target, claims: claims.length, entities: entities.length, sources: sources.length };
}
