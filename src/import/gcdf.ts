import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { describeError, PuenteError } from '../domain/errors.js';
import { extract } from '../extract/extract.js';
import { defaultLexicon } from '../reference/lexicon.js';
import type { ExtractedClaim } from '../extract/types.js';
import type { ReadDocument } from '../ingest/read-document.js';
import { buildText, cleanLine } from '../ingest/normalize.js';
import { fingerprintAhead } from '../pipeline/near-duplicates.js';
import { storeDocument } from '../pipeline/store-document.js';
import { claimId, sourceIdFor, storable } from '../pipeline/to-domain.js';
import { Claim, type ClaimValue } from '../domain/claim.js';
import { countryBounds, withinBounds } from '../reference/country-bounds.js';
import { loadCountries } from '../reference/countries.js';
import { batchViews } from '../reconcile/projects.js';
import type { Database } from '../store/database.js';

/** The file of AidData's GCDF 3.0 LAC release that `puente import gcdf` reads, and the columns it needs. */
export const gcdfFile = 'gcdf3_lac_geolocated_projects.csv';
const columns = [
  'aiddata_record_id',
  'recipient_iso3',
  'primary_adm1',
  'latitude',
  'longitude',
  'amount_constant_usd_2021',
  'sector_name',
  'title',
  'description',
  'staff_comments',
] as const;
type Row = Record<(typeof columns)[number], string> & Record<string, string>;

/** The base year of GCDF 3.0's constant amounts. */
export const gcdfBaseYear = 2021;
/** How every GCDF record is cited: AidData's project page of the record. */
export const gcdfRecordUri = (id: string) => `https://china.aiddata.org/projects/${id}/`;
/** The registry id of a GCDF record's project. */
export const gcdfProjectId = (id: string) => `project:gcdf-${id}`;

/** What one record gave, or why it failed. */
export type GcdfResult =
  | {
      record: string;
      row: number;
      status: 'ingested' | 'unchanged';
      projectId: string;
      claims: number;
      commitmentYear: number | null;
      /** why the record's point was left out (the project is unlocated), or null when it was kept or had none */
      pointLeftOut: string | null;
    }
  | { record: string; row: number; status: 'failed'; message: string; hint: string | null };

const amountFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

type Registry = Map<string, { name: string; iso2: string; numeric: string; lac: boolean }>;

/**
 * Why a record's point cannot stand for its project, or null when it can. AidData geocoded each record's place
 * names to first-level regions, and the file's recipient_iso3 follows those regions' countries, so a namesake abroad
 * puts a record on the wrong continent with a recipient to match: record 34840, schools in Angola's Huíla
 * province, sits on Huila in Colombia (recipients AGO|COL); 96211, masks for cities in the Philippines, on the
 * Philippines (CHL|PHL, Santiago City read as Chile's capital region too). The point is kept when it lies within
 * the bounds of one of the record's recipients in Latin America and the Caribbean and, when the record also has
 * a recipient outside the region (places on two continents), its own words (title, description, comments) name
 * the country the point lies in. `named`: the registry ids of the countries they name. (Asking that of every
 * record with two recipients would also catch 71826 and 72869, put in the wrong one of two LAC countries, but
 * drop 93413, rightly on Jujuy, whose text names the province and not Argentina: data/README.md.)
 */
export function pointProblem(
  lon: number,
  lat: number,
  recipients: string[],
  countries: Registry,
  named: Set<string>,
): string | null {
  const bounds = countryBounds();
  const nameOf = (code: string) => countries.get(code)?.name ?? code;
  const lac = recipients.filter((c) => countries.get(c)?.lac);
  const abroad = recipients.filter((c) => !countries.get(c)?.lac);
  if (lac.length === 0) return 'the record has no recipient in Latin America and the Caribbean';
  // A recipient without a shape of its own (a small territory) cannot be checked: its point is taken as it is.
  const here = lac.filter((c) => {
    const box = bounds.get(countries.get(c)?.numeric ?? '');
    return !box || withinBounds(box, lon, lat);
  });
  const point = `${lat}, ${lon}`;
  if (here.length === 0)
    return `its point (${point}) lies outside ${lac.map(nameOf).join(' and ')}, its recipient${lac.length > 1 ? 's' : ''} in Latin America and the Caribbean`;
  if (abroad.length > 0 && !here.some((c) => named.has(`country:${countries.get(c)?.iso2}`)))
    return `its places lie in ${recipients.map(nameOf).join(' and ')}, and its text never names ${here.map(nameOf).join(' or ')}, where its point (${point}) lies`;
  return null;
}

/**
 * The record as a document: the title, a line stating the dataset's fields (the evidence of the dataset claims),
 * then AidData's description and staff comments, whose prose the extraction engine reads like any article.
 */
function recordText(r: Row, countries: Map<string, { name: string; iso2: string }>) {
  const recipients = r.recipient_iso3.split('|').filter(Boolean);
  const named = recipients.map((c) => `${countries.get(c)?.name ?? c} (${c})`);
  const parts: { key: string; text: string }[] = [
    { key: 'record', text: `AidData GCDF 3.0 record ${r.aiddata_record_id}.` },
    { key: 'recipient', text: `Recipient: ${named.join(', ')}.` },
    { key: 'sector', text: `Sector: ${r.sector_name}.` },
  ];
  if (r.amount_constant_usd_2021)
    parts.push({
      key: 'amount',
      text: `Amount: USD ${amountFormat.format(Number(r.amount_constant_usd_2021))} (constant ${gcdfBaseYear} USD).`,
    });
  if (r.primary_adm1) parts.push({ key: 'location', text: `Location: ${cleanLine(r.primary_adm1)} (ADM1).` });
  let line = '';
  const spans = new Map<string, { start: number; end: number }>();
  for (const p of parts) {
    if (line) line += ' ';
    spans.set(p.key, { start: line.length, end: line.length + p.text.length });
    line += p.text;
  }
  const paragraphs = [cleanLine(r.title), line, cleanLine(r.description), cleanLine(r.staff_comments)].filter(
    (p) => p !== '',
  );
  return { paragraphs, spans, recipients };
}

/**
 * The year a record was committed, read from the claims its prose gave: the first dated signing ("signed a
 * $297.7 million loan agreement" on 22 September 2013), else the date of the amount the title states.
 */
function commitmentClaim(claims: ExtractedClaim[], titleEnd: number): ExtractedClaim | null {
  const signed = claims
    .filter((c) => c.property === 'status' && c.value === 'signed' && c.time && c.start >= titleEnd)
    .sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''))[0];
  if (signed) return signed;
  const headline = claims.find((c) => c.end <= titleEnd && typeof c.value === 'number' && c.currency);
  if (!headline || typeof headline.value !== 'number') return null;
  const amount = headline.value;
  return (
    claims.find(
      (c) =>
        c.start >= titleEnd &&
        c.time &&
        typeof c.value === 'number' &&
        c.currency === headline.currency &&
        Math.abs(c.value - amount) <= 0.01 * amount,
    ) ?? null
  );
}

/**
 * Imports AidData's GCDF 3.0 LAC records (`gcdf3_lac_geolocated_projects.csv` in `dir`): each record becomes a
 * source (cited by its AidData project page) and an accepted project entity with its ADM1 point (unless the point
 * lies outside the region the record is for: see `pointProblem`; the result says why), with dataset
 * claims (amount in constant 2021 USD, sector, recipient countries, ADM1 location) whose evidence is the record's
 * field line, and every claim the extraction engine finds in the description and staff comments (dates, lenders,
 * borrowers, contractors, rates, maturities, original-currency amounts), all about that project. A record whose
 * commitment year can be read from its prose gets a `commitment_year` claim. Records already imported with the
 * same content are `unchanged`; a bad record fails alone. Never throws for a bad record; throws when the file
 * is missing or its columns are wrong.
 */
export async function importGcdf(
  db: Kysely<Database>,
  dir: string,
  onResult?: (result: GcdfResult) => void,
): Promise<GcdfResult[]> {
  const path = join(dir, gcdfFile);
  if (!existsSync(path))
    throw new PuenteError(
      'bad_request',
      `${path}: no such file`,
      `give the folder that holds AidData's ${gcdfFile} (in this repository: data/gcdf3-lac)`,
    );
  let rows: Row[];
  try {
    rows = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
  } catch (error) {
    throw new PuenteError('bad_request', `${path}: not readable as CSV: ${describeError(error).message}`);
  }
  const header = Object.keys(rows[0] ?? {});
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new PuenteError(
      'bad_request',
      `${path}: missing columns ${missing.join(', ')}`,
      'use the GCDF 3.0 LAC file as shipped in data/gcdf3-lac',
    );
  const countries: Registry = new Map(
    loadCountries().map((c) => [c.iso3, { name: c.name, iso2: c.iso2, numeric: c.numeric, lac: c.lac }]),
  );
  const results: GcdfResult[] = [];
  const views = batchViews(db);
  for (const [i, r] of rows.entries()) {
    const row = i + 2;
    const record = r.aiddata_record_id;
    const report = (result: GcdfResult) => {
      results.push(result);
      onResult?.(result);
    };
    try {
      if (!/^\d+$/.test(record ?? '')) throw new Error(`aiddata_record_id "${record}" is not a number`);
      const amount = r.amount_constant_usd_2021 === '' ? null : Number(r.amount_constant_usd_2021);
      if (amount !== null && !(Number.isFinite(amount) && amount >= 0))
        throw new Error(`amount_constant_usd_2021 "${r.amount_constant_usd_2021}" is not an amount`);
      const lat = Number(r.latitude);
      const lon = Number(r.longitude);
      const hasPoint = r.latitude !== '' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
      const { paragraphs, spans, recipients } = recordText(r, countries);
      const unknown = recipients.filter((c) => !countries.has(c));
      const normalized = buildText(paragraphs);
      const fields = normalized.paragraphs[1] as { start: number };
      const contentHash = createHash('sha256')
        .update(JSON.stringify(columns.map((c) => r[c])))
        .digest('hex');
      const doc: ReadDocument = {
        ...normalized,
        uri: gcdfRecordUri(record),
        contentHash,
        mediaType: 'text/csv',
        byteSize: Buffer.byteLength(JSON.stringify(r)),
        title: cleanLine(r.title) || null,
        byline: null,
        publisher: 'AidData, GCDF 3.0',
        language: 'en',
        publishedAt: null,
        encoding: 'utf-8',
        note: unknown.length ? `recipient codes not in the registry: ${unknown.join(', ')}` : null,
        where: `record ${record}`,
        item: i + 1,
      };
      const projectId = gcdfProjectId(record);
      const sourceId = sourceIdFor(contentHash);
      // The record is about its project: a funder its title or prose names without naming a project gives to it.
      const read = extract(
        { ...doc, about: cleanLine(r.title) || `GCDF record ${record}` },
        defaultLexicon(),
      );
      // The field line is the dataset's own claims (below); the prose is the extraction engine's. The record is
      // the project: projects its prose names are that project or linked ones, not new entities to propose.
      const fieldsEnd = normalized.paragraphs[1]?.end ?? 0;
      const found = {
        claims: read.claims.filter((c) => c.start < fields.start || c.start >= fieldsEnd),
        entities: read.entities.filter((e) => e.type !== 'project'),
      };
      // The countries the record's own words name (the field line lists every recipient, so it does not count).
      const named = new Set(
        read.entities
          .filter((e) => e.type === 'country' && e.id)
          .filter((e) => e.mentions.some((m) => m.start < fields.start || m.start >= fieldsEnd))
          .map((e) => e.id ?? ''),
      );
      const pointLeftOut = hasPoint ? pointProblem(lon, lat, recipients, countries, named) : null;
      const located = hasPoint && pointLeftOut === null;
      const titleEnd = normalized.paragraphs[0]?.end ?? 0;
      const committed = commitmentClaim(found.claims, titleEnd);
      // The commitment year read from the prose is the extraction engine's claim, with that prose as evidence.
      const yearClaims: ExtractedClaim[] = committed?.time
        ? [
            {
              ...committed,
              property: 'commitment_year',
              value: committed.time.slice(0, 4),
              unit: null,
              currency: null,
              rule: 'gcdf:commitment_year',
            },
          ]
        : [];
      const ready = storable(contentHash, {
        entities: found.entities,
        claims: [...found.claims, ...yearClaims].map((c) => ({ ...c, subjectId: projectId })),
      });
      // The dataset's own fields, each with its words of the field line as evidence.
      const field = (key: string, property: string, value: ClaimValue) => {
        const span = spans.get(key);
        if (!span) return;
        const start = fields.start + span.start;
        const end = fields.start + span.end;
        const claim = Claim.parse({
          id: claimId(sourceId, ['gcdf', property, start, JSON.stringify(value)]),
          subjectId: projectId,
          subjectName: cleanLine(r.title),
          property,
          value,
          qualifier: null,
          time: null,
          evidence: { sourceId, start, end, quote: doc.text.slice(start, end) },
          origin: { kind: 'import', name: 'gcdf-3.0' },
          reviewState: 'proposed',
          repeatsSource: null,
        });
        ready.claims.push({ claim, subjectType: 'project' });
      };
      if (amount !== null)
        field('amount', 'commitment', {
          kind: 'quantity',
          amount,
          unit: 'USD',
          currency: 'USD',
          constantBase: gcdfBaseYear,
        });
      field('sector', 'sector', { kind: 'text', text: r.sector_name });
      for (const code of recipients) {
        const country = countries.get(code);
        if (country)
          field('recipient', 'recipient', {
            kind: 'entity',
            entityId: `country:${country.iso2}`,
            name: country.name,
          });
      }
      const title = cleanLine(r.title) || `GCDF record ${record}`;
      ready.entities.unshift({
        entity: {
          id: projectId,
          type: 'project',
          name: title,
          aliases: [],
          attributes: {
            gcdfId: Number(record),
            sector: r.sector_name,
            recipients,
            ...(located
              ? {
                  latitude: lat,
                  longitude: lon,
                  precision: 'adm1',
                  locationName: cleanLine(r.primary_adm1) || null,
                }
              : {}),
          },
          reviewState: 'accepted',
        },
        mentions: [{ start: 0, end: title === cleanLine(r.title) ? title.length : 0 }].filter(
          (m) => m.end > 0,
        ),
      });
      const outcome = await storeDocument(
        db,
        doc,
        { found: ready, fingerprint: fingerprintAhead(doc.title, doc.text) },
        { dataset: true, batch: true },
      );
      if (outcome.status === 'ingested') await views.stored(1);
      report({
        record,
        row,
        status: outcome.status,
        projectId,
        claims: outcome.status === 'ingested' ? outcome.claims : 0,
        commitmentYear: committed?.time ? Number(committed.time.slice(0, 4)) : null,
        pointLeftOut,
      });
    } catch (error) {
      report({ record: record ?? '', row, status: 'failed', ...describeError(error) });
    }
  }
  // The records' projects get their views every few hundred records and at the end, not once per record.
  await views.finish();
  return results;
}
