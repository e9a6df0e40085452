import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's root folder, found from this file's place in src/reference/. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The bundled data folder (reference data and samples). */
export const dataDir = join(repoRoot, 'data');
