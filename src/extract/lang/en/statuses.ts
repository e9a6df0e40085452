import type { StatusWords } from '../pack.js';

/** How English says what stage a project is at. */
export const statuses: StatusWords = {
  words: {
    cancelled: ['\\b(?:cancel(?:l)?ed|scrapped|abandoned)\\b'],
    suspended: ['\\b(?:suspended|halted|stalled|paused|on hold)\\b'],
    operational: [
      '\\b(?:inaugurated|inauguration|began operati(?:ons?|ng)|starts? operati(?:ons?|ng)|started operati(?:ons?|ng)|entered (?:into )?(?:operation|service)|came into operation|in operation|commissioned|opened)\\b',
    ],
    completed: ['\\b(?:completed|finished|concluded)\\b'],
    expanded: [
      '\\b(?:expanded|expansion|renovated|renovation|restored|modernized|modernised|upgraded|rehabilitated)\\b',
    ],
    under_construction: [
      '\\b(?:under construction|being built|broke ground|groundbreaking|construction (?:began|started|work)|works? began)\\b',
    ],
    signed: ['\\b(?:signed|inked)\\b'],
    announced: ['\\b(?:announced|unveiled|planned|proposed|will build|plans to build)\\b'],
  },
};
