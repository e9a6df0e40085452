import { en } from './en/index.js';
import { es } from './es/index.js';
import { languageSet } from './languages.js';
import type { LanguagePack } from './pack.js';
import { pt } from './pt/index.js';

/**
 * The language packs the extractor ships with, in the order their words are tried where one pattern serves every
 * language. The one list of them: a new language is a folder beside these and one entry here.
 */
export const registeredPacks: readonly LanguagePack[] = [en, es, pt];

/** The shipped packs as a language set. */
export const registeredLanguages = languageSet(registeredPacks);
