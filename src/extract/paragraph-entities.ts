import type { EntityType } from '../domain/entity.js';
import { bodyEntityType, findBodies, type BodyMention } from './bodies.js';
import { findCountries } from './countries.js';
import { setInDocument, type DocumentState, type ParagraphState, type StageOutput } from './document.js';
import { shownName } from './entity-index.js';
import type { Languages } from './lang/languages.js';
import { languagesOf } from './lexicon.js';
import { nameCuesOf } from './name-cues.js';
import { findDescribedProjects, findFacilities, findNames, findNumberedPhases } from './names.js';
import { findPlaces } from './places.js';
import { roleOf, type Speaker } from './quotes.js';
import { overlapping } from './scan.js';
import type { SentenceEntity } from './subjects.js';
import { tokenize } from './tokens.js';
import type { Span } from './types.js';

/**
 * The entities of one paragraph, recorded in the document's index: countries, places, reference bodies, facilities,
 * unlisted names and described projects, phases of projects named so far; and the roles people are introduced with.
 * Returns the paragraph's mentions (by position) and the people, for quotes.
 */
export function paragraphEntities(doc: DocumentState, paragraph: Readonly<ParagraphState>): StageOutput {
  const { input, lexicon, index, roles } = doc;
  const { text } = input;
  const languages = languagesOf(lexicon);
  const tokens = tokenize(text, paragraph.start, paragraph.end);
  const known: Span[] = [];
  const mentions: SentenceEntity[] = [];
  const people: Speaker[] = [];
  const record = (type: EntityType, name: string, id: string | null, span: Span, written?: string) => {
    const entity = index.add(type, name, id, span, written);
    mentions.push({ start: span.start, end: span.end, type, name: shownName(entity), id: entity.id });
    if (type === 'person') {
      people.push({ start: span.start, end: span.end, name: entity.name });
      const role = roleOf(languages, text, span);
      if (role) setInDocument(doc, roles, role, entity.name);
    }
  };
  const countries: Span[] = [];
  for (const m of findCountries(lexicon, text, tokens, input.language)) {
    record('country', m.country.name, m.country.id, m);
    known.push(m);
    countries.push(m);
  }
  // Places whose name is ambiguous need a country of the document named so far, or of this paragraph.
  const places: Span[] = [];
  for (const m of findPlaces(lexicon, text, tokens, input.language, index.countryIds())) {
    record('place', m.place.name, m.place.id, m);
    places.push(m);
  }
  const bodies = findBodies(lexicon, text, tokens);
  for (const m of bodies) {
    record(bodyEntityType(m.body), m.body.name, m.body.id, m, text.slice(m.start, m.end));
    known.push(m);
  }
  const facilities = findFacilities(languages, text, paragraph.start, paragraph.end);
  for (const m of facilities) record(m.type, m.name, null, m);
  const named = [
    ...findNames(lexicon, text, tokens, [...known, ...facilities], places),
    ...findDescribedProjects(languages, text, paragraph.start, paragraph.end),
  ];
  for (const m of named) {
    // A name that a facility already carries ("la llamada Jorge Cepernic") is that facility, not a person.
    const facility = m.type === 'person' ? index.projectEndingWith(m.name) : undefined;
    const body =
      m.type === 'organization' ? registryBodyInside(languages, text, m, bodies, countries) : undefined;
    if (facility) record('project', facility.name, null, m);
    else if (body)
      record(bodyEntityType(body.body), body.body.name, body.body.id, m, text.slice(m.start, m.end));
    else record(m.type, m.name, null, m);
  }
  // Phases of the projects named so far, this paragraph's included ("Cauchari II").
  for (const m of findNumberedPhases(languages, text, paragraph.start, paragraph.end, index.projectHeads()))
    record(m.type, m.name, null, m);
  return { people, mentions: mentions.sort((a, b) => a.start - b.start) };
}

/**
 * "China Development Bank Corporation", "Comisión Federal de Electricidad de México", "Companhia Três Gargantas":
 * an unlisted organization name made of a registry body's name (of an organization), country names and legal or
 * generic company words is that body.
 */
function registryBodyInside(
  languages: Languages,
  text: string,
  name: Span,
  bodies: BodyMention[],
  countries: Span[],
) {
  const { companyWords } = nameCuesOf(languages);
  // Only the mentions around the name: a search of the whole paragraph for each name is quadratic in a huge one.
  const inner = overlapping(bodies, name.start, name.end)
    .filter((b) => b.body.type === 'organization' && b.start >= name.start && b.end <= name.end)
    .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (!inner) return undefined;
  const near = overlapping(countries, name.start, name.end);
  const inside = (at: number) =>
    (at >= inner.start && at < inner.end) || near.some((c) => at >= c.start && at < c.end);
  for (const word of text.slice(name.start, name.end).matchAll(/[\p{L}\p{N}.]+/gu)) {
    const at = name.start + (word.index ?? 0);
    if (!inside(at) && !companyWords.test(word[0].replace(/\.$/, ''))) return undefined;
  }
  return inner;
}
