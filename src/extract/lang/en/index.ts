import type { LanguagePack } from '../pack.js';
import { numbers } from './numbers.js';

/** What the extractor knows of English. */
export const en: LanguagePack = { code: 'en', numbers };
