import { z } from 'zod';
import { maxLimit } from '../store/paging.js';

/** The paging parameters every list takes. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(maxLimit).optional(),
  cursor: z.string().min(1).max(500).optional(),
});
