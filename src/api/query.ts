import { z } from 'zod';
import { maxLimit } from '../store/paging.js';

/** A text query parameter of at most `max` characters; NUL is refused (PostgreSQL cannot hold it in text). */
export const queryText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain a NUL character');

/** The paging parameters every list takes. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(maxLimit).optional(),
  cursor: queryText(500).optional(),
});
