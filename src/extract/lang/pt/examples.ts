import type { PackExamples } from '../pack.js';

/** Portuguese sentences and what the extractor reads in them (checked by lang/packs.test.ts). */
export const examples: PackExamples = {
  figures: [
    ['A China emprestou R$ 3,5 bilhões ao Brasil.', 'loan', 3.5e9, 'BRL'],
    ['A usina terá 500 megawatts.', 'capacity', 500, 'MW'],
  ],
  statuses: [['O porto de Chancay foi inaugurado em 2024.', 'operational']],
  times: [
    ['14 de novembro de 2024', '2024-11-14'],
    ['no ano passado', '2024'],
    ['em maio passado', '2025-05'],
  ],
};
