import { valueText } from '../domain/claim.js';
import { loadPlaces } from '../reference/places.js';
import type { Db } from '../store/database.js';
import type { ClaimInput } from './reconcile.js';

/**
 * The claim properties that name a party to a project; the property is the participant's role. A lender lends
 * (loans, credit lines); a donor gives (grants, donations, aid in kind).
 */
export const participantRoles = ['investor', 'contractor', 'lender', 'donor', 'operator'] as const;

/** A party to a project: the registry entity when known, its name, its role, and whether it is Chinese. */
export interface Participant {
  entityId: string | null;
  name: string;
  role: string;
  chinese: boolean;
}

/** The stored entity a participant claim names: its id, canonical name and home country (ISO alpha-2). */
export interface PartyEntity {
  id: string;
  name: string;
  country: string | null;
}

/**
 * Names that are plainly Chinese when no registry entity says where a party is from: a word "China" or
 * "Chinese" in any of our languages ("a Chinese company", "la empresa china", "China Harbour"), one of these
 * Chinese firms, which texts often name alone, or a Chinese city or province. Matched as whole words, in any case.
 */
const chineseWords = /(?<![\p{L}])(?:china|chinese|chin[oa]s?|chinês|chines[ae]s?)(?![\p{L}])/iu;
const chineseFirms = [
  'Sinohydro',
  'COSCO',
  'PowerChina',
  'CRBC',
  'CHEC',
  'CCCC',
  'CRCC',
  'CREC',
  'Gezhouba',
  'Sinopec',
  'PetroChina',
  'CNPC',
  'CNOOC',
  'Sinosure',
  'CITIC',
  'ICBC',
  'State Grid',
  'Three Gorges',
  'Huawei',
  'ZTE',
  'BYD',
  'Tianqi',
  'Ganfeng',
  'Goldwind',
  'Chinalco',
  'Minmetals',
];
const chineseFirm = new RegExp(`(?<![\\p{L}])(?:${chineseFirms.join('|')})(?![\\p{L}])`, 'iu');
let chinesePlace: RegExp | undefined;
/** The Chinese cities and provinces of the places list, by their Latin names: "Bank of Shanghai", "Jiangsu Provincial Government". */
function chinesePlaces(): RegExp {
  if (chinesePlace) return chinesePlace;
  const names = loadPlaces()
    .filter((p) => p.country === 'CN')
    .flatMap((p) => p.names)
    .filter((n) => n.length >= 4 && /^[\p{Script=Latin}'’ -]+$/u.test(n))
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  chinesePlace = new RegExp(`(?<![\\p{L}])(?:${names.join('|')})(?![\\p{L}])`, 'iu');
  return chinesePlace;
}

/**
 * Whether a party is Chinese: the home country of its registry entity when that names one (the China-Brazil
 * Business Council is Brazilian), else whether its name plainly is (a word "China" or "Chinese", a Chinese firm
 * named alone, a Chinese city or province: "Bank of Shanghai", "Jiangsu Provincial Commission of Health").
 */
export const isChinese = (name: string, entity: PartyEntity | null): boolean =>
  entity?.country
    ? entity.country === 'CN'
    : chineseWords.test(name) || chineseFirm.test(name) || chinesePlaces().test(name);

const isRole = (property: string) => (participantRoles as readonly string[]).includes(property);

/**
 * The parties of a project from its participant claims (not rejected), one per role and name: the entity a
 * claim names (`entities`, by claim id) gives its id and canonical name, else the claim's text is the name.
 * By role, then name.
 */
export function participantsOf(
  claims: ClaimInput[],
  entities: ReadonlyMap<string, PartyEntity>,
): Participant[] {
  const found = new Map<string, Participant>();
  for (const c of claims) {
    if (!isRole(c.property) || c.reviewState === 'rejected') continue;
    if (c.value.kind !== 'entity' && c.value.kind !== 'text') continue;
    const entity = entities.get(c.id) ?? null;
    const name = entity?.name ?? valueText(c.value) ?? '';
    const entityId = entity?.id ?? (c.value.kind === 'entity' ? c.value.entityId : null);
    if (!name.trim()) continue;
    found.set(`${c.property}\u001f${name}`, {
      entityId,
      name,
      role: c.property,
      chinese: isChinese(name, entity),
    });
  }
  return [...found.values()].sort((a, b) =>
    a.role === b.role ? (a.name < b.name ? -1 : 1) : a.role < b.role ? -1 : 1,
  );
}

const partyFromRow = (r: { id: string; name: string; attributes: string }): PartyEntity => {
  const a = JSON.parse(r.attributes) as { country?: unknown; iso2?: unknown };
  // An organization names its home country; a country entity is its own.
  const country = typeof a.country === 'string' ? a.country : typeof a.iso2 === 'string' ? a.iso2 : null;
  return { id: r.id, name: r.name, country: country || null };
};

/**
 * The stored entities that participant claims name, by claim id: the entity of an entity value, else the
 * organization or mechanism the claim's source mentions where the claim's evidence ends (a relation's evidence
 * runs from its cue words to the end of the party's name: "built by Sinohydro") or, failing that, begins (a
 * funding tie's runs from the party to the project: "China Eximbank ... for the Sopladora ... Project").
 * Rejected entities are left out.
 */
export async function partyEntities(db: Db, claims: ClaimInput[]): Promise<Map<string, PartyEntity>> {
  const parties = claims.filter((c) => isRole(c.property));
  const byClaim = new Map<string, PartyEntity>();
  const named = parties.flatMap((c) =>
    c.value.kind === 'entity' && c.value.entityId ? [c.value.entityId] : [],
  );
  const texts = parties.filter((c) => c.value.kind === 'text');
  if (named.length > 0) {
    const rows = await db
      .selectFrom('entity')
      .select(['id', 'name', 'attributes'])
      .where('id', 'in', [...new Set(named)])
      .where('review_state', '<>', 'rejected')
      .execute();
    const byId = new Map(rows.map((r) => [r.id, partyFromRow(r)]));
    for (const c of parties) {
      const entity = c.value.kind === 'entity' && c.value.entityId ? byId.get(c.value.entityId) : undefined;
      if (entity) byClaim.set(c.id, entity);
    }
  }
  if (texts.length === 0) return byClaim;
  // The sources' mentions first, then their entities: joined in one query, SQLite started from the entities of
  // these types and read every mention of them, which grows with the database (25 ms for 50 sources of 1,500,
  // against 3 ms this way), and views are recomputed every few hundred documents of a batch.
  const placed = await db
    .selectFrom('mention')
    .select(['source_id', 'span_start', 'span_end', 'entity_id'])
    .where('source_id', 'in', [...new Set(texts.map((c) => c.source.id))])
    .orderBy('source_id')
    .orderBy('span_start')
    .orderBy('entity_id')
    .execute();
  const mentioned = new Map(
    placed.length === 0
      ? []
      : (
          await db
            .selectFrom('entity')
            .select(['id', 'name', 'attributes'])
            .where('id', 'in', [...new Set(placed.map((m) => m.entity_id))])
            .where('type', 'in', ['organization', 'mechanism'])
            .where('review_state', '<>', 'rejected')
            .execute()
        ).map((e) => [e.id, e]),
  );
  const mentions = placed.flatMap((m) => {
    const entity = mentioned.get(m.entity_id);
    return entity ? [{ ...m, ...entity }] : [];
  });
  const at = new Map<string, PartyEntity>();
  for (const m of mentions) {
    at.set(`${m.source_id}\u001fstart ${m.span_start}`, partyFromRow(m));
    at.set(`${m.source_id}\u001fend ${m.span_end}`, partyFromRow(m));
  }
  for (const c of texts) {
    const entity =
      at.get(`${c.source.id}\u001fend ${c.end}`) ?? at.get(`${c.source.id}\u001fstart ${c.start}`);
    if (entity) byClaim.set(c.id, entity);
  }
  return byClaim;
}
