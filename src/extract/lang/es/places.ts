import type { PlaceWords } from '../pack.js';

/** How Spanish marks a name as a place. */
export const places: PlaceWords = {
  cuesBefore: [
    'en',
    'puerto de',
    'puerto del',
    'ciudad de',
    'provincia de',
    'provincia del',
    'estado de',
    'estado del',
    'departamento de',
    'departamento del',
    'región de',
    'region de',
    'municipio de',
    'cerca de',
    'desde',
  ],
  cuesAfter: [],
  regionWords: ['provincia', 'estado', 'departamento', 'región', 'cantón'],
  regionBefore: [
    'provincia de',
    'provincia del',
    'estado de',
    'estado del',
    'departamento de',
    'departamento del',
    'región de',
  ],
  regionAfter: [],
};
