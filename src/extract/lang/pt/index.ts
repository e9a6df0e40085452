import type { LanguagePack } from '../pack.js';
import { numbers } from './numbers.js';

/** What the extractor knows of Portuguese. */
export const pt: LanguagePack = { code: 'pt', numbers };
