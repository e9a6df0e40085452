import type { QualifierWords } from '../pack.js';

/** English qualifier phrases. */
export const qualifiers: QualifierWords = {
  cues: {
    at_least: ['more than', 'over', 'above', 'exceeding', 'in excess of', 'at least', 'upwards of'],
    approx: [
      'nearly',
      'almost',
      'close to',
      'about',
      'around',
      'approximately',
      'roughly',
      'some',
      'an estimated',
      'estimated',
      'on the order of',
      'in the order of',
    ],
    at_most: ['up to', 'under', 'less than', 'below', 'at most'],
  },
  floor: ['according to incomplete statistics'],
};
