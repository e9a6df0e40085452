import { perLanguages, type Languages } from './lang/languages.js';
import type { MeasureId } from './lang/pack.js';

// Normalized labels for aggregate figures ("indicators"), so that the same measure reported by two documents in
// other words, or other languages, gets the same id. A label is measure + actor + place, each from a small vocabulary.

// Each measure's id and label, most specific first; the words that name it are the language packs'.
const measureLabels: [MeasureId, string][] = [
  ['solar-pv-capacity', 'solar PV capacity'],
  ['wind-capacity', 'wind power capacity'],
  ['hydropower-capacity', 'hydropower capacity'],
  ['fdi-stock', 'direct investment stock'],
  ['fdi', 'direct investment'],
  ['trade', 'trade'],
  ['exports', 'exports'],
  ['imports', 'imports'],
  ['loans', 'loans'],
  ['infrastructure-projects', 'infrastructure projects'],
  ['jobs', 'jobs'],
  ['capacity', 'capacity'],
  ['investment', 'investment'],
];

const tablesOf = perLanguages((languages) => {
  const pattern = (sources: string[]) => new RegExp(sources.join('|') || '(?!)', 'iu');
  const row = (sources: string[], id: string, label: string): [RegExp, string, string] => [
    pattern(sources),
    id,
    label,
  ];
  return {
    measures: measureLabels.map(([id, label]) =>
      row(
        languages.union((p) => p.indicators.measures[id]),
        id,
        label,
      ),
    ),
    actors: [
      row(
        languages.union((p) => p.indicators.china),
        'cn',
        'China',
      ),
    ],
    places: [
      row(
        languages.union((p) => p.indicators.lac),
        'lac',
        'Latin America and the Caribbean',
      ),
    ],
  };
});

/** An indicator recognised from the words of a subject: a stable id and a readable label. */
export interface IndicatorLabel {
  id: string;
  label: string;
}

const first = (table: [RegExp, string, string][], text: string) => table.find(([re]) => re.test(text));

/**
 * The indicator a subject phrase names, when it names an aggregate measure ("the photovoltaic power capacity
 * invested by Chinese companies in Latin America" -> indicator:solar-pv-capacity:cn:lac, "China-invested solar
 * PV capacity in Latin America and the Caribbean"); null when no measure word is found.
 */
export function indicatorOf(
  languages: Languages,
  subject: string,
  place: string | null = null,
): IndicatorLabel | null {
  const { measures, actors, places } = tablesOf(languages);
  const measure = first(measures, subject);
  if (!measure) return null;
  const actor = first(actors, subject);
  const region = first(places, subject);
  const where = region
    ? { id: region[1], label: region[2] }
    : place
      ? { id: place.toLowerCase(), label: place }
      : null;
  const id = ['indicator', measure[1], actor?.[1] ?? 'all', where?.id ?? 'world'].join(':');
  const who = actor ? `${actor[2]}-invested ` : '';
  const label = `${actor && /investment|fdi/.test(measure[1]) ? `${actor[2]}'s ` : who}${measure[2]}${where ? ` in ${where.label}` : ''}`;
  return { id, label: label.charAt(0).toUpperCase() + label.slice(1) };
}
