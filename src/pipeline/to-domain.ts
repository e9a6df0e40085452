import { createHash } from 'node:crypto';
import { Claim } from '../domain/claim.js';
import { Entity } from '../domain/entity.js';
import type { ExtractOutput } from '../extract/extract.js';
import type { ExtractedClaim, ExtractedEntity } from '../extract/types.js';

const shortHash = (parts: (string | number | null)[]) =>
  createHash('sha256').update(parts.map(String).join('\u001f')).digest('hex').slice(0, 20);

/** The stable id of a source: derived from its bytes, so the same document always gets the same id. */
export const sourceIdFor = (contentHash: string) => `s_${contentHash.slice(0, 20)}`;

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/** Words that say what kind of work a project is, in en/es/pt, and the kind they stand for. */
const projectKinds: [string, RegExp][] = [
  ['port', /^(?:port|ports|puerto|puertos|porto|portos|megapuerto|megaporto|terminal|harbou?r|muelle)$/],
  ['airport', /^(?:airport|aeropuerto|aeroporto)$/],
  ['metro', /^(?:metro|subway|underground)$/],
  ['railway', /^(?:railway|railroad|rail|ferrocarril|ferrovia|tren|train|trem)$/],
  ['dam', /^(?:dam|represa|presa|barragem|hydroelectric|hidroelectrica|hidreletrica|hydropower)$/],
  ['bridge', /^(?:bridge|puente|ponte)$/],
  ['road', /^(?:highway|road|carretera|autopista|rodovia|estrada)$/],
  ['park', /^(?:park|parque)$/],
  ['plant', /^(?:plant|planta|usina|factory|fabrica)$/],
];
/** Words that name no project: articles, prepositions, "project", "new", "mega". */
const projectFiller =
  /^(?:the|of|and|a|an|de|del|la|el|los|las|y|da|do|das|dos|e|o|project|projects|proyecto|proyectos|projeto|projetos|new|nuevo|nueva|novo|nova|gran|grande|great|mega|megaproyecto|megaprojeto|complex|complejo|complexo)$/;

/**
 * The key of a project's name: its kind (port, airport, dam...) and its other words, sorted, without accents
 * and filler, so that one project named in two languages or two word orders has one key: "Chancay Port",
 * "Port of Chancay", "puerto de Chancay" and "megapuerto de Chancay" are all `port:chancay`. Null when the name
 * has no words of its own.
 */
export function projectKey(name: string): string | null {
  const words = slug(name).split('-').filter(Boolean);
  let kind: string | null = null;
  const own: string[] = [];
  for (const word of words) {
    const k = projectKinds.find(([, re]) => re.test(word))?.[0];
    if (k) kind ??= k;
    else if (!projectFiller.test(word)) own.push(word);
  }
  if (own.length === 0) return null;
  return `${kind ?? 'work'}:${[...new Set(own)].sort().join('-')}`;
}

/**
 * The stable id of an entity the extractor found but the reference data does not hold: its type and name
 * slug, or for a project its key (`project:port:chancay`), so that documents naming it differently link to one
 * entity.
 */
export const proposedEntityId = (entity: Pick<ExtractedEntity, 'type' | 'name'>) => {
  const key = entity.type === 'project' ? projectKey(entity.name) : null;
  return `${entity.type}:${key ?? slug(entity.name)}`;
};

/** A claim's stable id from its source and what tells it apart there; it begins with the source's id. */
export const claimId = (sourceId: string, parts: (string | number | null)[]) =>
  `c_${sourceId.slice(2, 12)}${shortHash([sourceId, ...parts]).slice(0, 12)}`;

/**
 * An extracted claim as a domain Claim of the given source; its id is stable for the same source and span, and
 * begins with the source's, so that one document's claims sit side by side in the store's indexes.
 */
export function claimFromExtraction(sourceId: string, c: ExtractedClaim): Claim {
  const value: Claim['value'] =
    typeof c.value === 'number'
      ? { kind: 'quantity', amount: c.value, unit: c.unit ?? 'count', currency: c.currency }
      : c.valueId
        ? { kind: 'entity', entityId: c.valueId, name: c.value }
        : /^\d{4}(-\d{2}(-\d{2})?)?$/.test(c.value)
          ? { kind: 'date', date: c.value }
          : { kind: 'text', text: c.value };
  // Parsing checks what the extractor made against the domain's rules (units, currency codes, time formats).
  return Claim.parse({
    id: claimId(sourceId, [c.rule, c.start, c.end, c.property, c.value, c.unit]),
    subjectId: c.subjectId,
    subjectName: c.subject,
    property: c.property,
    value,
    qualifier: c.qualifier,
    time: c.time,
    evidence: { sourceId, start: c.start, end: c.end, quote: c.quote },
    origin: { kind: 'extractor', name: c.rule },
    reviewState: 'proposed',
    repeatsSource: null,
  });
}

/** An extracted entity as a domain Entity: reference entities are accepted, new ones proposed. */
export function entityFromExtraction(e: ExtractedEntity): Entity {
  return Entity.parse({
    id: e.id ?? proposedEntityId(e),
    type: e.type,
    name: e.canonical ?? e.name,
    aliases: e.canonical ? [{ name: e.name, lang: null }] : [],
    attributes: {},
    reviewState: e.id ? 'accepted' : 'proposed',
  });
}

/**
 * What extraction found in a document, as the store keeps it: domain claims and entities with their mentions; and
 * the extraction stages that failed on a paragraph, which the ingest result reports (nothing stores them).
 */
export interface Storable {
  claims: { claim: Claim; subjectType: string | null }[];
  entities: { entity: Entity; mentions: ExtractedEntity['mentions'] }[];
  errors: ExtractOutput['errors'];
}

/** The claims and entities of a document (its source id comes from its content hash) as the store keeps them. */
export function storable(
  contentHash: string,
  found: Pick<ExtractOutput, 'claims' | 'entities'> & Partial<Pick<ExtractOutput, 'errors'>>,
): Storable {
  const sourceId = sourceIdFor(contentHash);
  const entities = found.entities.map((e) => ({ entity: entityFromExtraction(e), mentions: e.mentions }));
  const ids = new Set(entities.map((e) => e.entity.id));
  // A claim about an entity the document names (a project, an organization) points at that entity.
  const subjectOf = (c: ExtractedClaim) => {
    if (c.subjectId || !c.subject || !c.subjectType) return c.subjectId;
    const id = proposedEntityId({ type: c.subjectType as ExtractedEntity['type'], name: c.subject });
    return ids.has(id) ? id : null;
  };
  return {
    claims: found.claims.map((c) => ({
      claim: claimFromExtraction(sourceId, { ...c, subjectId: subjectOf(c) }),
      subjectType: c.subjectType,
    })),
    entities,
    errors: found.errors ?? [],
  };
}

/** Every kind a project key may have: `work` (no kind word in the name) and the kinds of `projectKinds`. */
export const projectKeyKinds = ['work', ...projectKinds.map(([kind]) => kind)];
