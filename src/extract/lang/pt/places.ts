import type { PlaceWords } from '../pack.js';

/** How Portuguese marks a name as a place. */
export const places: PlaceWords = {
  cuesBefore: [
    'em',
    'no',
    'na',
    'porto de',
    'porto do',
    'cidade de',
    'cidade do',
    'estado de',
    'estado do',
    'estado da',
    'município de',
    'municipio de',
    'região de',
    'perto de',
    'porto',
    'portos de',
    'capital',
  ],
  cuesAfter: [],
  regionWords: ['estado', 'região'],
  regionBefore: ['estado de', 'estado do', 'estado da', 'região de'],
  regionAfter: [],
};
