import type { EntityType } from '../domain/entity.js';
import type { Qualifier } from '../domain/claim.js';

/** A character span of the normalized text. */
export interface Span {
  start: number;
  end: number;
}

/** An entity found in a document, with every place it is mentioned. */
export interface ExtractedEntity {
  type: EntityType;
  name: string;
  /** the reference id when linked (e.g. country:PE), else null */
  id: string | null;
  /** the reference list's name when the document writes another ("Fondo Monetario Internacional" for the IMF) */
  canonical?: string;
  mentions: Span[];
}

/** A claim found in a document: the extraction contract's claim plus the rule that made it. */
export interface ExtractedClaim extends Span {
  subject: string | null;
  subjectType: string | null;
  subjectId: string | null;
  property: string;
  value: number | string;
  /** the registry id of the entity a string value names (a relation's party), when the extractor knows it */
  valueId?: string | null;
  unit: string | null;
  /** ISO 4217 code when the value is money */
  currency: string | null;
  qualifier: Qualifier | null;
  time: string | null;
  quote: string;
  /** the extractor rule that produced the claim, for provenance */
  rule: string;
}
