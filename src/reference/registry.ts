import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../domain/entity.js';
import type { Db } from '../store/database.js';
import { entityToRow } from '../store/entities.js';
import { getMeta, setMeta } from '../store/meta.js';
import { loadCountries } from './countries.js';
import { loadBodies } from './organizations.js';
import { dataDir } from './paths.js';
import { loadPlaces } from './places.js';
import { readTsv } from './tsv.js';

const referenceFiles = ['countries.tsv', 'country-relations.tsv', 'organizations.tsv', 'places.tsv'];

/** How a CELAC state stands with China: Belt and Road memorandum and recognition (country-relations.tsv). */
export interface CountryRelations {
  bri: { status: 'signed' | 'exited' | 'none'; signed: string | null; exited: string | null };
  recognizes: 'PRC' | 'ROC';
  prcSince: string | null;
  note: string | null;
  /** when the state joined CELAC, and a period (`from/to`) when it suspended its participation */
  celacSince: string | null;
  celacSuspended: string | null;
}

const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Reads data/reference/country-relations.tsv, checking every cell; throws naming the file and row. */
export function loadCountryRelations(
  path = join(dataDir, 'reference', 'country-relations.tsv'),
): Map<string, CountryRelations> {
  const relations = new Map<string, CountryRelations>();
  readTsv(path).forEach((row, i) => {
    const where = `${path}: row ${i + 1}`;
    const iso2 = row.iso2 ?? '';
    const status = row.bri ?? '';
    if (!/^[A-Z]{2}$/.test(iso2))
      throw new Error(`${where}: iso2 "${iso2}" is not an ISO 3166-1 alpha-2 code`);
    if (!['signed', 'exited', 'none'].includes(status))
      throw new Error(`${where}: bri must be signed, exited or none, not "${status}"`);
    if (row.recognizes !== 'PRC' && row.recognizes !== 'ROC')
      throw new Error(`${where}: recognizes must be PRC or ROC, not "${row.recognizes ?? ''}"`);
    for (const column of ['bri_signed', 'bri_exit', 'prc_since'])
      if (row[column] && !datePattern.test(row[column] ?? ''))
        throw new Error(`${where}: ${column} "${row[column]}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if ((status === 'none') !== !row.bri_signed)
      throw new Error(`${where}: bri_signed goes with signed or exited`);
    if ((status === 'exited') !== !!row.bri_exit) throw new Error(`${where}: bri_exit goes with exited only`);
    if (!row.celac_since || !datePattern.test(row.celac_since))
      throw new Error(`${where}: celac_since "${row.celac_since ?? ''}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    const suspended = (row.celac_suspended ?? '').split('/');
    if (row.celac_suspended && (suspended.length !== 2 || !suspended.every((d) => datePattern.test(d))))
      throw new Error(`${where}: celac_suspended "${row.celac_suspended}" is not a period FROM/TO of dates`);
    relations.set(iso2, {
      bri: {
        status: status as CountryRelations['bri']['status'],
        signed: row.bri_signed || null,
        exited: row.bri_exit || null,
      },
      recognizes: row.recognizes,
      prcSince: row.prc_since || null,
      note: row.note || null,
      celacSince: row.celac_since,
      celacSuspended: row.celac_suspended || null,
    });
  });
  return relations;
}

/**
 * Every entity of the reference data, accepted: countries (ISO codes, region, LAC and CELAC membership, Belt and
 * Road memorandum and recognition for the CELAC states), organizations, mechanisms and policies, and places
 * (with coordinates where known). Names in other languages are aliases with their language.
 */
export function registryEntities(): Entity[] {
  const relations = loadCountryRelations();
  const countries = loadCountries().map((c): Entity => ({
    id: c.id,
    type: 'country',
    name: c.name,
    aliases: [
      { name: c.names.es, lang: 'es' },
      { name: c.names.pt, lang: 'pt' },
      ...c.names.zh.map((name) => ({ name, lang: 'zh' })),
    ].filter((a) => a.name && a.name !== c.name),
    attributes: {
      iso2: c.iso2,
      iso3: c.iso3,
      numeric: c.numeric,
      region: c.region,
      lac: c.lac,
      celac: c.celac,
      sovereign: c.sovereign,
      ...(relations.get(c.iso2) ?? {}),
    },
    reviewState: 'accepted',
  }));
  const bodies = loadBodies().map((b): Entity => ({
    id: b.id,
    type: b.type,
    name: b.name,
    aliases: b.aliases.map((name) => ({ name, lang: /\p{Script=Han}/u.test(name) ? 'zh' : null })),
    attributes: { country: b.country, kind: b.kind, ...(b.partOf ? { partOf: b.partOf } : {}) },
    reviewState: 'accepted',
  }));
  const places = loadPlaces().map((p): Entity => ({
    id: p.id,
    type: 'place',
    name: p.name,
    aliases: p.names.filter((n) => n !== p.name).map((name) => ({ name, lang: null })),
    attributes: { kind: p.kind, country: p.country, region: p.region, latitude: p.lat, longitude: p.lon },
    reviewState: 'accepted',
  }));
  return [...countries, ...bodies, ...places];
}

/**
 * Writes the reference entities into the store (inserted, or brought up to date when the reference files have
 * changed since the last seeding); a no-op when they have not. Entities found in documents are not touched.
 */
export async function seedRegistry(db: Db): Promise<{ seeded: number } | null> {
  const version = createHash('sha256')
    .update(referenceFiles.map((f) => readFileSync(join(dataDir, 'reference', f))).join('\u0000'))
    .digest('hex')
    .slice(0, 16);
  if ((await getMeta(db, 'registry_version')) === version) return null;
  const entities = registryEntities();
  const at = new Date().toISOString();
  for (let i = 0; i < entities.length; i += 200) {
    const rows = entities.slice(i, i + 200).map((e) => entityToRow(e, at));
    await db
      .insertInto('entity')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            aliases: eb.ref('excluded.aliases'),
            attributes: eb.ref('excluded.attributes'),
            review_state: eb.ref('excluded.review_state'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          // An entity an editor has changed (its version moved on) keeps the editor's word.
          .where('entity.version', '=', 1),
      )
      .execute();
  }
  await setMeta(db, 'registry_version', version);
  return { seeded: entities.length };
}
