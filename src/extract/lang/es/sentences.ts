import type { SentenceWords } from '../pack.js';

/** Where Spanish sentences do not end. */
export const sentences: SentenceWords = {
  abbreviations: ['sr', 'sra', 'srta', 'dra', 'lic', 'ing', 'no', 'nº', 'av', 'ene', 'abr', 'ago', 'dic'],
};
