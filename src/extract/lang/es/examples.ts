import type { PackExamples } from '../pack.js';

/** Spanish sentences and what the extractor reads in them (checked by lang/packs.test.ts). */
export const examples: PackExamples = {
  figures: [
    ['China prestó 3.200 millones de dólares a Perú.', 'loan', 3.2e9, 'USD'],
    ['La central tendrá 1.500 megavatios.', 'capacity', 1500, 'MW'],
  ],
  statuses: [['El puerto de Chancay fue inaugurado en 2024.', 'operational']],
  times: [
    ['14 de noviembre de 2024', '2024-11-14'],
    ['el año pasado', '2024'],
    ['en mayo pasado', '2025-05'],
  ],
};
