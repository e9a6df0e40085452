import type { UnitWords } from '../pack.js';

/** English unit and job words. */
export const units: UnitWords = {
  units: {
    gigawatt: ['gigawatts?'],
    megawatt: ['megawatts?'],
    kilowatt: ['kilowatts?'],
    kilovolt: ['kilovolts?'],
    squareKilometer: ['square kilomet(?:er|re)s?'],
    hectare: ['hectares?'],
    squareMeter: ['square (?:meters|metres|feet)'],
    kilometer: ['kilomet(?:er|re)s?'],
    mile: ['miles'],
    meter: ['meters', 'metres', 'meter', 'metre'],
    teu: ['twenty-foot equivalent units'],
    tonne: ['metric tons', 'metric tonnes', 'tonnes', 'tons'],
    percent: ['percent', 'per cent', 'percentage points?'],
    duration: ['years?', 'months?', 'weeks?', 'days?', 'hours?', 'minutes?', 'decades?'],
  },
  jobs: ['jobs', 'job positions', 'job opportunities'],
  jobsBefore: ['new', 'direct', 'indirect', 'local', 'permanent', 'temporary', 'direct and indirect'],
  jobsAfter: [],
};
