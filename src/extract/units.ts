/** What kind of thing a unit measures; `energy`, `area` and `duration` are recognised so they are never mistaken. */
export type UnitKind =
  'power' | 'energy' | 'voltage' | 'length' | 'area' | 'teu' | 'mass' | 'percent' | 'duration';

/** A unit as written after a number, its base unit, and the factor to the base unit. */
export interface UnitDef {
  /** regex source matching the unit's spellings (matched right after the number, case-insensitive unless noted) */
  pattern: string;
  unit: string;
  factor: number;
  kind: UnitKind;
  property: string;
  caseSensitive?: boolean;
}

// Order matters: longer and more specific spellings first (GWh before GW, km² before km).
export const unitDefs: UnitDef[] = [
  { pattern: 'TWh', unit: 'MWh', factor: 1e6, kind: 'energy', property: 'energy' },
  { pattern: 'GWh', unit: 'MWh', factor: 1e3, kind: 'energy', property: 'energy' },
  { pattern: 'MWh', unit: 'MWh', factor: 1, kind: 'energy', property: 'energy' },
  { pattern: 'kWh', unit: 'MWh', factor: 1e-3, kind: 'energy', property: 'energy' },
  {
    pattern: 'GWp?|gigawatts?|gigavatios?|gigawatt-pico',
    unit: 'MW',
    factor: 1e3,
    kind: 'power',
    property: 'capacity',
  },
  {
    pattern: 'MWp?|megawatts?|megavatios?|megawatts-pico',
    unit: 'MW',
    factor: 1,
    kind: 'power',
    property: 'capacity',
  },
  {
    pattern: 'kWp?|kilowatts?|kilovatios?|quilowatts?',
    unit: 'MW',
    factor: 1e-3,
    kind: 'power',
    property: 'capacity',
  },
  {
    pattern: 'kV|kilovolts?|kilovoltios?|quilovolts?',
    unit: 'kV',
    factor: 1,
    kind: 'voltage',
    property: 'voltage',
  },
  {
    pattern: 'km2|km²|square kilomet(?:er|re)s?|kilómetros cuadrados|quilômetros quadrados',
    unit: 'km2',
    factor: 1,
    kind: 'area',
    property: 'area',
  },
  { pattern: 'hect(?:ares?|áreas?)|ha', unit: 'ha', factor: 1, kind: 'area', property: 'area' },
  {
    pattern: 'm2|m²|square (?:meters|metres|feet)|metros cuadrados|metros quadrados',
    unit: 'm2',
    factor: 1,
    kind: 'area',
    property: 'area',
  },
  {
    pattern: 'km|kilomet(?:er|re)s?|kilómetros?|kilometros?|quilômetros?|quilómetros?|quilometros?',
    unit: 'km',
    factor: 1,
    kind: 'length',
    property: 'length',
  },
  { pattern: 'miles', unit: 'km', factor: 1.609344, kind: 'length', property: 'length', caseSensitive: true },
  {
    pattern: 'meters|metres|metros|meter|metre|metro',
    unit: 'km',
    factor: 1e-3,
    kind: 'length',
    property: 'length',
    caseSensitive: true,
  },
  {
    pattern: 'TEUs?|twenty-foot equivalent units',
    unit: 'TEU',
    factor: 1,
    kind: 'teu',
    property: 'throughput',
  },
  {
    pattern: 'metric tons|metric tonnes|tonnes|tons|toneladas(?: métricas)?|tonelada|t(?=[\\s.,;)])',
    unit: 't',
    factor: 1,
    kind: 'mass',
    property: 'volume',
  },
  { pattern: 'Mt', unit: 't', factor: 1e6, kind: 'mass', property: 'volume', caseSensitive: true },
  {
    pattern:
      '%|percent|per cent|por ciento|por cento|percentage points?|puntos porcentuales|pontos percentuais',
    unit: 'percent',
    factor: 1,
    kind: 'percent',
    property: 'share',
  },
  {
    pattern:
      'years?|months?|weeks?|days?|hours?|minutes?|decades?|años|año|meses|mes|semanas?|días|día|horas?|décadas?|anos|ano|dias|dia',
    unit: 'years',
    factor: 1,
    kind: 'duration',
    property: 'duration',
  },
];

/** Words naming jobs after a number ("5,000 direct jobs", "empleos", "postos de trabalho"). */
export const jobsPattern =
  '(?:(?:new|direct|indirect|local|permanent|temporary|direct and indirect|nuevos|directos|indirectos|directos e indirectos|novos|diretos|indiretos|diretos e indiretos)\\s+)?(?:jobs|job positions|job opportunities|empleos|puestos de trabajo|empregos|postos de trabalho|vagas de emprego|vagas)(?:\\s+(?:directos e indirectos|diretos e indiretos|directos|indirectos|diretos|indiretos|nuevos|novos))?(?![\\p{L}])';
