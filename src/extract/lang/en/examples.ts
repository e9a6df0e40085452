import type { PackExamples } from '../pack.js';

/** English sentences and what the extractor reads in them (checked by lang/packs.test.ts). */
export const examples: PackExamples = {
  figures: [
    ['China lent US$ 5 billion to Peru.', 'loan', 5e9, 'USD'],
    ['The plant will have a capacity of 300 MW.', 'capacity', 300, 'MW'],
    ['China donated seven ambulances to Bolivia.', 'count', 7, 'count'],
  ],
  statuses: [['The Chancay Port was inaugurated in 2024.', 'operational']],
  times: [
    ['between 2019 and 2022', '2019/2022'],
    ['14 November 2024', '2024-11-14'],
    ['last May', '2025-05'],
  ],
};
