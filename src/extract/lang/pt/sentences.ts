import type { SentenceWords } from '../pack.js';

/** Where Portuguese sentences do not end. */
export const sentences: SentenceWords = {
  abbreviations: ['sr', 'sra', 'dra', 'nº', 'av', 'fev', 'mai', 'set', 'out', 'dez'],
};
