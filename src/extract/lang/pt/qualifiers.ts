import type { QualifierWords } from '../pack.js';

/** Portuguese qualifier phrases. */
export const qualifiers: QualifierWords = {
  cues: {
    at_least: ['mais de', 'superior a', 'pelo menos', 'acima de'],
    approx: [
      'quase',
      'cerca de',
      'em torno de',
      'por volta de',
      'aproximadamente',
      'da ordem de',
      'na ordem de',
      'de cerca de',
    ],
    at_most: ['até', 'menos de', 'abaixo de'],
  },
  floor: ['segundo estatísticas incompletas', 'segundo dados incompletos'],
};
