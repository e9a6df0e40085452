import type { UnitWords } from '../pack.js';

/** Spanish unit and job words. */
export const units: UnitWords = {
  units: {
    gigawatt: ['gigavatios?'],
    megawatt: ['megavatios?'],
    kilowatt: ['kilovatios?'],
    kilovolt: ['kilovoltios?'],
    squareKilometer: ['kilómetros cuadrados'],
    hectare: ['hectáreas?'],
    squareMeter: ['metros cuadrados'],
    kilometer: ['kilómetros?', 'kilometros?'],
    mile: [],
    meter: ['metros', 'metro'],
    teu: [],
    tonne: ['toneladas(?: métricas)?', 'tonelada'],
    percent: ['por ciento', 'puntos porcentuales'],
    duration: ['años', 'año', 'meses', 'mes', 'semanas?', 'días', 'día', 'horas?', 'décadas?'],
  },
  jobs: ['empleos', 'puestos de trabajo'],
  jobsBefore: ['nuevos', 'directos', 'indirectos', 'directos e indirectos'],
  jobsAfter: ['directos e indirectos', 'directos', 'indirectos', 'nuevos'],
};
