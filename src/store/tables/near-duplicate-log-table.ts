import type { Generated } from 'kysely';

/**
 * Row of `near_duplicate_log`: the order in which sources were stored for near-duplicate comparison (every source
 * but dataset records). `seq` is the commit order (src/store/near-duplicate-log.ts), so a process that has read
 * the log up to some `seq` has seen every source committed before it, and reads the rest from there.
 */
export interface NearDuplicateLogTable {
  seq: Generated<number>;
  source_id: string;
}
