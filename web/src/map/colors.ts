/** Sector colours of the map and its legend (Okabe–Ito and Tableau hues, told apart with colour blindness). */
export const sectorColors: [string, string][] = [
  ['ENERGY', '#e69f00'],
  ['TRANSPORT AND STORAGE', '#0072b2'],
  ['INDUSTRY, MINING, CONSTRUCTION', '#8c564b'],
  ['COMMUNICATIONS', '#cc79a7'],
  ['HEALTH', '#d55e00'],
  ['EDUCATION', '#009e73'],
  ['OTHER SOCIAL INFRASTRUCTURE AND SERVICES', '#56b4e9'],
  ['GOVERNMENT AND CIVIL SOCIETY', '#7f3c8d'],
  ['AGRICULTURE, FORESTRY, FISHING', '#6b8e23'],
  ['EMERGENCY RESPONSE', '#b8860b'],
];
export const otherColor = '#7a7a7a';

const bySector = new Map(sectorColors);
export const sectorColor = (sector: string | null | undefined) =>
  (sector && bySector.get(sector.toUpperCase())) ?? otherColor;
