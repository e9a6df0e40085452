import type { UnitWords } from '../pack.js';

/** Portuguese unit and job words. */
export const units: UnitWords = {
  units: {
    gigawatt: ['gigawatt-pico'],
    megawatt: ['megawatts-pico'],
    kilowatt: ['quilowatts?'],
    kilovolt: ['quilovolts?'],
    squareKilometer: ['quilômetros quadrados'],
    hectare: ['hectares?'],
    squareMeter: ['metros quadrados'],
    kilometer: ['quilômetros?', 'quilómetros?', 'quilometros?'],
    mile: [],
    meter: ['metros', 'metro'],
    teu: [],
    tonne: ['toneladas(?: métricas)?', 'tonelada'],
    percent: ['por cento', 'pontos percentuais'],
    duration: ['anos', 'ano', 'meses', 'semanas?', 'dias', 'dia', 'horas?', 'décadas?'],
  },
  jobs: ['empregos', 'postos de trabalho', 'vagas de emprego', 'vagas'],
  jobsBefore: ['novos', 'diretos', 'indiretos', 'diretos e indiretos'],
  jobsAfter: ['diretos e indiretos', 'diretos', 'indiretos', 'novos'],
};
