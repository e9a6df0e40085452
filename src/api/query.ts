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
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxLimit)
    .optional()
    .describe(`items per page (default 50, at most ${maxLimit})`),
  cursor: queryText(2000).optional().describe('the `next` of the previous page'),
});

/** `?release=NAME` (or `latest`): the list as that release froze it. */
export const releaseQuery = z.object({
  release: queryText(64).optional().describe('a release name, or latest: the data as that release froze it'),
});
