import { createHash } from 'node:crypto';
import { Claim } from '../domain/claim.js';
import { Entity } from '../domain/entity.js';
import type { ExtractOutput } from '../extract/extract.js';
import type { ExtractedClaim, ExtractedEntity } from '../extract/types.js';

const shortHash = (parts: (string | number | null)[]) =>
  createHash('sha256').update(parts.map(String).join('\u001f')).digest('hex').slice(0, 20);

/** The stable id of a source: derived from its bytes, so the same document always gets the same id. */
export const sourceIdFor = (contentHash: string) => `s_${contentHash.slice(0, 20)}`;

/** The stable id of an entity the extractor found but the reference data does not hold. */
export const proposedEntityId = (entity: ExtractedEntity) =>
  `${entity.type}:${entity.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')}`;

/**
 * An extracted claim as a domain Claim of the given source; its id is stable for the same source and span, and
 * begins with the source's, so that one document's claims sit side by side in the store's indexes.
 */
export function claimFromExtraction(sourceId: string, c: ExtractedClaim): Claim {
  const value: Claim['value'] =
    typeof c.value === 'number'
      ? { kind: 'quantity', amount: c.value, unit: c.unit ?? 'count', currency: c.currency }
      : /^\d{4}(-\d{2}(-\d{2})?)?$/.test(c.value)
        ? { kind: 'date', date: c.value }
        : { kind: 'text', text: c.value };
  // Parsing checks what the extractor made against the domain's rules (units, currency codes, time formats).
  return Claim.parse({
    id: `c_${sourceId.slice(2, 12)}${shortHash([sourceId, c.rule, c.start, c.end, c.property, c.value, c.unit]).slice(0, 12)}`,
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

/** What extraction found in a document, as the store keeps it: domain claims and entities with their mentions. */
export interface Storable {
  claims: { claim: Claim; subjectType: string | null }[];
  entities: { entity: Entity; mentions: ExtractedEntity['mentions'] }[];
}

/** The claims and entities of a document (its source id comes from its content hash) as the store keeps them. */
export function storable(contentHash: string, found: Pick<ExtractOutput, 'claims' | 'entities'>): Storable {
  const sourceId = sourceIdFor(contentHash);
  return {
    claims: found.claims.map((c) => ({
      claim: claimFromExtraction(sourceId, c),
      subjectType: c.subjectType,
    })),
    entities: found.entities.map((e) => ({ entity: entityFromExtraction(e), mentions: e.mentions })),
  };
}
