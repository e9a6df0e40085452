import type { PlaceWords } from '../pack.js';

/** How English marks a name as a place. */
export const places: PlaceWords = {
  cuesBefore: [
    'in',
    'at',
    'near',
    'outside',
    'port of',
    'city of',
    'town of',
    'province of',
    'state of',
    'region of',
    'department of',
    'municipality of',
    'capital',
    'port',
    'ports of',
  ],
  cuesAfter: ['port', 'ports', 'province', 'state', 'region', 'department', 'city', 'harbour', 'harbor'],
  regionWords: [],
  regionBefore: ['province of', 'state of', 'region of', 'department of'],
  regionAfter: ['province', 'state', 'region', 'department'],
};
