import type { Place, PlaceRule } from '../reference/types.js';
import { findCountries } from './countries.js';
import { blockId, Gazetteer } from './gazetteer.js';
import { languagesOf, perLexicon, type Lexicon } from './lexicon.js';
import { perLanguages } from './lang/languages.js';
import type { PlaceWords } from './lang/pack.js';
import type { Token } from './tokens.js';
import type { Span } from './types.js';

/** A place named in text. */
export interface PlaceMention extends Span {
  place: Place;
}

const kindOrder: Record<Place['kind'], number> = { capital: 0, port: 1, city: 2, region: 3 };
// China and its special regions say nothing about where in Latin America a text is.
const chinese = new Set(['CN', 'HK', 'MO', 'TW']);

const phrases = (list: string[]) => list.map((p) => p.split(' '));

/** The place cues of a language set: words before a name by document language, words after it, region cues. */
const placeCuesOf = perLanguages((languages) => {
  const words = (pick: (w: PlaceWords) => readonly string[]) => languages.union((p) => pick(p.places));
  const regionWords = words((w) => w.regionWords);
  const byLanguage = new Map<string | null, string[][]>();
  return {
    // Words that mark the next name as a place ("port of Santos", "en Colón", "no Paraná"): the document language's,
    // or every language's when it has no pack; bare region words ("provincia") in any document.
    cuesFor(language: string | null): string[][] {
      const key = languages.of(language) ? language : null;
      let cues = byLanguage.get(key);
      if (!cues) {
        const packs = languages.reading(key);
        cues = phrases([...new Set(packs.flatMap((p) => p.places.cuesBefore)), ...regionWords]);
        byLanguage.set(key, cues);
      }
      return cues;
    },
    // Words after a name that mark it as a place: "Santos port", "Colón province".
    cuesAfter: words((w) => w.cuesAfter),
    // Words next to a name that mean its region rather than the city of the same name.
    regionCues: phrases([...words((w) => w.regionBefore), ...regionWords]),
    regionAfter: words((w) => w.regionAfter),
  };
});

const placeGazetteer = perLexicon((lexicon) => {
  const gazetteer = new Gazetteer();
  const { places } = lexicon;
  for (const place of places) for (const t of place.terms) gazetteer.add(t.term, `${t.needs} ${place.id}`);
  // A country's name is the country, not a place ("El Salvador" is not Salvador, Bahia); block terms name nothing.
  for (const country of lexicon.countries) for (const term of country.terms) gazetteer.add(term, blockId);
  for (const block of lexicon.blocks) gazetteer.add(block.term, blockId, block.lang);
  return { gazetteer, byId: new Map(places.map((p) => [p.id, p])) };
});

/** Whether the words just before token `at` (on the same line of text) are one of `cues`. */
function precededBy(text: string, tokens: Token[], at: number, cues: string[][]): boolean {
  return cues.some((cue) => {
    const start = at - cue.length;
    if (start < 0) return false;
    for (let k = 0; k < cue.length; k++) {
      const token = tokens[start + k];
      const next = tokens[start + k + 1];
      if (!token || !next || token.text.toLowerCase() !== cue[k]) return false;
      if (/\n/.test(text.slice(token.end, next.start))) return false;
    }
    return true;
  });
}

const followedBy = (tokens: Token[], at: number, words: string[]) =>
  words.includes(tokens[at + 1]?.text.toLowerCase() ?? '');
const capitalised = (token: Token | undefined) => !!token && /^\p{Lu}\p{L}/u.test(token.text);

/**
 * Finds the reference places named in tokenized text: capitals, cities, ports and regions, by their names in any
 * language. `known` gives ISO 3166-1 alpha-2 codes (or `country:XX` ids) of countries the wider document names;
 * the countries named in `tokens` and those of unambiguous places found there are added to it. A name shared by
 * places of several countries is resolved by those countries; names that are also words or people's names need a
 * place word next to them, and are not taken when the context names other countries but not theirs (see
 * data/reference/places.tsv). Pass the document's countries as `known` when matching a paragraph at a time.
 */
export function findPlaces(
  lexicon: Lexicon,
  text: string,
  tokens: Token[],
  language: string | null = null,
  known: Iterable<string> = [],
): PlaceMention[] {
  const { gazetteer, byId } = placeGazetteer(lexicon);
  const spans = new Map<
    string,
    { start: number; end: number; options: { needs: PlaceRule; place: Place }[] }
  >();
  for (const m of gazetteer.match(text, tokens, language)) {
    if (m.id === blockId) continue;
    const [needs, id] = m.id.split(' ') as [PlaceRule, string];
    const place = byId.get(id);
    if (!place) continue;
    const key = `${m.start}:${m.end}`;
    const span = spans.get(key) ?? { start: m.start, end: m.end, options: [] };
    span.options.push({ needs, place });
    spans.set(key, span);
  }
  if (spans.size === 0) return [];

  const countries = new Set([...known].map((c) => c.replace(/^country:/, '')));
  for (const m of findCountries(lexicon, text, tokens, language)) countries.add(m.country.iso2);
  for (const span of spans.values()) {
    const sure = new Set(span.options.filter((o) => o.needs === 'always').map((o) => o.place.country));
    if (sure.size === 1 && span.options.every((o) => o.needs === 'always')) countries.add([...sure][0] ?? '');
  }

  const startIndex = new Map(tokens.map((t, i) => [t.start, i]));
  const endIndex = new Map(tokens.map((t, i) => [t.end, i]));
  const { cuesFor, cuesAfter, regionCues, regionAfter } = placeCuesOf(languagesOf(lexicon));
  const cues = cuesFor(language);
  const found: PlaceMention[] = [];
  for (const span of [...spans.values()].sort((a, b) => a.start - b.start)) {
    const first = startIndex.get(span.start);
    const last = endIndex.get(span.end);
    if (first === undefined || last === undefined) continue;
    const cueBefore = precededBy(text, tokens, first, cues);
    const cueAfter = followedBy(tokens, last, cuesAfter);
    // "Santiago Peña", "Juan Manuel Santos": a capitalised word next to the name makes it part of a person's name.
    const inName =
      (capitalised(tokens[first - 1]) && !cueBefore) || (capitalised(tokens[last + 1]) && !cueAfter);
    const usable = span.options.filter(({ needs, place }) => {
      if (needs === 'always') return true;
      if (inName) return false;
      if (needs === 'context') return countries.has(place.country);
      // A cue name also needs no sign of another country: "in Florida" next to the US is not Uruguay's Florida.
      const elsewhere = [...countries].some((c) => c !== place.country && !chinese.has(c));
      return (cueBefore || cueAfter) && (countries.has(place.country) || !elsewhere);
    });
    if (usable.length === 0) continue;
    const wantsRegion = precededBy(text, tokens, first, regionCues) || followedBy(tokens, last, regionAfter);
    const ofKind = usable.filter((o) => (o.place.kind === 'region') === wantsRegion);
    let chosen = ofKind.length > 0 ? ofKind : usable;
    const inCountries = new Set(chosen.map((o) => o.place.country));
    if (inCountries.size > 1) {
      chosen = chosen.filter((o) => countries.has(o.place.country));
      if (new Set(chosen.map((o) => o.place.country)).size !== 1) continue;
    }
    const best = [...chosen].sort((a, b) => kindOrder[a.place.kind] - kindOrder[b.place.kind])[0];
    if (best) found.push({ start: span.start, end: span.end, place: best.place });
  }
  return found;
}
