import type { LanguagePack } from '../pack.js';
import { numbers } from './numbers.js';

/** What the extractor knows of Spanish. */
export const es: LanguagePack = { code: 'es', numbers };
