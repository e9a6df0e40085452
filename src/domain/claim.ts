import { z } from 'zod';
import { ReviewState } from './entity.js';

/** How exact a figure is, as the text states it ("over" is at_least, "nearly" approx, "up to" at_most). */
export const Qualifier = z.enum(['exact', 'approx', 'at_least', 'at_most']);
export type Qualifier = z.infer<typeof Qualifier>;

/** The typed value of a claim. Quantities are in base units (whole currency units, MW, kV, km...). */
export const ClaimValue = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quantity'),
    amount: z.number().finite(),
    /** ISO 4217 code for money, else a unit such as MW, kV, km, TEU, t, jobs, count, percent, multiple */
    unit: z.string().min(1),
    /** the ISO 4217 code when the quantity is money, else null */
    currency: z.string().length(3).nullable(),
    /** money in constant USD of this year's prices (a dataset's figure); absent or null: as of the claim's time */
    constantBase: z.number().int().nullable().optional(),
  }),
  z.object({ kind: z.literal('date'), date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/) }),
  z.object({ kind: z.literal('entity'), entityId: z.string().nullable(), name: z.string() }),
  z.object({ kind: z.literal('enum'), value: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
export type ClaimValue = z.infer<typeof ClaimValue>;

/** A value that is not a quantity as text (a date, an entity's name, an enum value, a text); null for a quantity. */
export const valueText = (v: ClaimValue): string | null =>
  v.kind === 'date'
    ? v.date
    : v.kind === 'entity'
      ? v.name
      : v.kind === 'enum'
        ? v.value
        : v.kind === 'text'
          ? v.text
          : null;

/** The exact span of a source's normalized text that supports a claim: `quote === text.slice(start, end)`. */
export const Evidence = z.object({
  sourceId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Who made a claim: an extractor rule, an importer, or a person. */
export const Origin = z.object({
  kind: z.enum(['extractor', 'import', 'person']),
  name: z.string().min(1),
});
export type Origin = z.infer<typeof Origin>;

/** A time a claim is true for: YYYY, YYYY-MM, YYYY-MM-DD, or a period YYYY/YYYY. */
export const ClaimTime = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/);

/** A statement that a source makes: subject, property, value, how exact, when true, and the evidence. */
export const Claim = z.object({
  id: z.string(),
  /** the registry entity the claim is about, or null while the subject is not linked */
  subjectId: z.string().nullable(),
  /** the subject as the text names it, or null when the extractor could not tell */
  subjectName: z.string().nullable(),
  property: z.string().min(1),
  value: ClaimValue,
  qualifier: Qualifier.nullable(),
  time: ClaimTime.nullable(),
  evidence: Evidence,
  origin: Origin,
  reviewState: ReviewState,
  /**
   * The source that first stored the paragraph this claim's evidence lies in, when it is another source (the
   * same paragraph, word for word, in two documents): such a claim is counted once, from that source.
   */
  repeatsSource: z.string().nullable(),
  /** the stored claim's version, bumped by every review change (absent before it is stored) */
  version: z.number().int().positive().optional(),
});
export type Claim = z.infer<typeof Claim>;
