import { perLanguages } from './lang/languages.js';
import type { UnitWordId } from './lang/pack.js';

/** What kind of thing a unit measures; `energy`, `area` and `duration` are recognised so they are never mistaken. */
export type UnitKind =
  'power' | 'energy' | 'voltage' | 'length' | 'area' | 'teu' | 'mass' | 'percent' | 'duration';

/**
 * A unit as written after a number, its base unit, and the factor to the base unit. Its spellings are its symbols,
 * then the words the language packs give it, then the symbols that must come last (matched right after the
 * number, case-insensitive unless noted).
 */
export interface UnitDef {
  /** regex source of the unit's symbols ("GWp?", "%") */
  symbols?: string;
  /** the unit's words in the packs */
  words?: UnitWordId;
  /** regex source of symbols tried after the words ("ha" after "hectares", "t" after "tons") */
  lastSymbols?: string;
  unit: string;
  factor: number;
  kind: UnitKind;
  property: string;
  caseSensitive?: boolean;
}

// Order matters: longer and more specific spellings first (GWh before GW, km² before km).
export const unitDefs: UnitDef[] = [
  { symbols: 'TWh', unit: 'MWh', factor: 1e6, kind: 'energy', property: 'energy' },
  { symbols: 'GWh', unit: 'MWh', factor: 1e3, kind: 'energy', property: 'energy' },
  { symbols: 'MWh', unit: 'MWh', factor: 1, kind: 'energy', property: 'energy' },
  { symbols: 'kWh', unit: 'MWh', factor: 1e-3, kind: 'energy', property: 'energy' },
  {
    symbols: 'GWp?',
    words: 'gigawatt',
    unit: 'MW',
    factor: 1e3,
    kind: 'power',
    property: 'capacity',
  },
  {
    symbols: 'MWp?',
    words: 'megawatt',
    unit: 'MW',
    factor: 1,
    kind: 'power',
    property: 'capacity',
  },
  {
    symbols: 'kWp?',
    words: 'kilowatt',
    unit: 'MW',
    factor: 1e-3,
    kind: 'power',
    property: 'capacity',
  },
  {
    symbols: 'kV',
    words: 'kilovolt',
    unit: 'kV',
    factor: 1,
    kind: 'voltage',
    property: 'voltage',
  },
  {
    symbols: 'km2|km²',
    words: 'squareKilometer',
    unit: 'km2',
    factor: 1,
    kind: 'area',
    property: 'area',
  },
  { words: 'hectare', lastSymbols: 'ha', unit: 'ha', factor: 1, kind: 'area', property: 'area' },
  {
    symbols: 'm2|m²',
    words: 'squareMeter',
    unit: 'm2',
    factor: 1,
    kind: 'area',
    property: 'area',
  },
  {
    symbols: 'km',
    words: 'kilometer',
    unit: 'km',
    factor: 1,
    kind: 'length',
    property: 'length',
  },
  { words: 'mile', unit: 'km', factor: 1.609344, kind: 'length', property: 'length', caseSensitive: true },
  {
    words: 'meter',
    unit: 'km',
    factor: 1e-3,
    kind: 'length',
    property: 'length',
    caseSensitive: true,
  },
  {
    symbols: 'TEUs?',
    words: 'teu',
    unit: 'TEU',
    factor: 1,
    kind: 'teu',
    property: 'throughput',
  },
  {
    words: 'tonne',
    lastSymbols: 't(?=[\\s.,;)])',
    unit: 't',
    factor: 1,
    kind: 'mass',
    property: 'volume',
  },
  { symbols: 'Mt', unit: 't', factor: 1e6, kind: 'mass', property: 'volume', caseSensitive: true },
  {
    symbols: '%',
    words: 'percent',
    unit: 'percent',
    factor: 1,
    kind: 'percent',
    property: 'share',
  },
  {
    words: 'duration',
    unit: 'years',
    factor: 1,
    kind: 'duration',
    property: 'duration',
  },
];

/** The regex sources of each unit's spellings, symbols and the packs' words, in the order they are tried. */
export const unitPatterns = perLanguages((languages) =>
  unitDefs.map((def) => {
    const id = def.words;
    const words = id ? languages.union((p) => p.units.units[id]) : [];
    const parts = [def.symbols, ...words, def.lastSymbols].filter((part) => part !== undefined);
    return { def, source: parts.join('|') };
  }),
);

/** Words naming jobs after a number ("5,000 direct jobs", "empleos", "postos de trabalho"), as a regex source. */
export const jobsPattern = perLanguages((languages) => {
  const before = languages.union((p) => p.units.jobsBefore);
  const after = languages.union((p) => p.units.jobsAfter);
  return [
    before.length > 0 ? String.raw`(?:(?:${before.join('|')})\s+)?` : '',
    `(?:${languages.union((p) => p.units.jobs).join('|')})`,
    after.length > 0 ? String.raw`(?:\s+(?:${after.join('|')}))?` : '',
    String.raw`(?![\p{L}])`,
  ].join('');
});
