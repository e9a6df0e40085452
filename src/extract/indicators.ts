// Normalized labels for aggregate figures ("indicators"), so that the same measure reported by two documents in
// other words, or other languages, gets the same id. A label is measure + actor + place, each from a small vocabulary.

const measures: [RegExp, string, string][] = [
  [/photovoltaic|\bpv\b|solar|fotovoltaic|fotovoltaic/iu, 'solar-pv-capacity', 'solar PV capacity'],
  [/\bwind\b|eólic|eolic/iu, 'wind-capacity', 'wind power capacity'],
  [/hydro|hidr/iu, 'hydropower-capacity', 'hydropower capacity'],
  [
    /(?:direct\s+)?investment\s+stock|stock\s+of\s+(?:foreign\s+)?(?:direct\s+)?investment|stock\s+de\s+(?:la\s+)?inversi[oó]n|estoque\s+de\s+investimento|ied\s+acumulad|ide\s+acumulad/iu,
    'fdi-stock',
    'direct investment stock',
  ],
  [
    /direct\s+investment|foreign\s+investment|\bfdi\b|inversi[oó]n\s+(?:extranjera\s+)?directa|investimento\s+(?:estrangeiro\s+)?direto|\bied\b|\bide\b/iu,
    'fdi',
    'direct investment',
  ],
  [
    /\btrade\b|comercio|comércio|intercambio\s+comercial|corriente\s+comercial|corrente\s+de\s+comércio/iu,
    'trade',
    'trade',
  ],
  [/\bexports?\b|exportaci|exporta[cç]/iu, 'exports', 'exports'],
  [/\bimports?\b|importaci|importa[cç]/iu, 'imports', 'imports'],
  [
    /\bloans?\b|lending|pr[eé]stamos?|empr[eé]stimos?|financiamiento|financiamento|credit/iu,
    'loans',
    'loans',
  ],
  [
    /infrastructure\s+projects|proyectos\s+de\s+infraestructura|projetos\s+de\s+infraestrutura/iu,
    'infrastructure-projects',
    'infrastructure projects',
  ],
  [/\bjobs?\b|empleos?|empregos?/iu, 'jobs', 'jobs'],
  [/capacity|capacidad|capacidade/iu, 'capacity', 'capacity'],
  [/investment|inversi[oó]n|investimento/iu, 'investment', 'investment'],
];

const actors: [RegExp, string, string][] = [
  [/chin(?:a|ese|o|a's|esas?|eses?|as|os)\b|chinês|chinesa|sino-/iu, 'cn', 'China'],
];

const places: [RegExp, string, string][] = [
  [
    /latin\s+america\s+and\s+the\s+caribbean|am[eé]rica\s+latina\s+y\s+el\s+caribe|am[eé]rica\s+latina\s+e\s+(?:o\s+)?caribe|\blac\b|\balc\b/iu,
    'lac',
    'Latin America and the Caribbean',
  ],
  [/latin\s+america|am[eé]rica\s+latina|latinoam[eé]rica/iu, 'lac', 'Latin America and the Caribbean'],
];

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
export function indicatorOf(subject: string, place: string | null = null): IndicatorLabel | null {
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
