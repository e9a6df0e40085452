import { z } from 'zod';

export const entityTypes = [
  'country',
  'organization',
  'person',
  'place',
  'project',
  'mechanism',
  'policy',
  'event',
  'indicator',
] as const;
export const EntityType = z.enum(entityTypes);
export type EntityType = z.infer<typeof EntityType>;

/** How far a record has come through review. Reference data starts accepted; extracted things start proposed. */
export const ReviewState = z.enum(['proposed', 'accepted', 'rejected']);
export type ReviewState = z.infer<typeof ReviewState>;

/** Something claims are about or point to. Ids are stable: `country:PE` for reference data. */
export const Entity = z.object({
  id: z.string().min(1),
  type: EntityType,
  name: z.string().min(1),
  aliases: z.array(z.object({ name: z.string(), lang: z.string().nullable() })).default([]),
  attributes: z.record(z.string(), z.unknown()).default({}),
  reviewState: ReviewState,
  /** the stored entity's version, bumped by every review change (absent before it is stored) */
  version: z.number().int().positive().optional(),
});
export type Entity = z.infer<typeof Entity>;

/** Where an entity is mentioned in a source's normalized text. */
export const Mention = z.object({
  sourceId: z.string(),
  entityId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Mention = z.infer<typeof Mention>;
