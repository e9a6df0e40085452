import type { EntityType } from '../domain/entity.js';
import { loadCountries } from '../reference/countries.js';
import { foldName as fold, loadPersonNames } from '../reference/person-names.js';
import {
  companyAppositive,
  companyBefore,
  eventHeads,
  lowerTitles,
  orgHeads,
  projectHeads,
  projectTails,
  roleAfterName,
  speechVerbs,
  titles,
} from './name-cues.js';
import { findPhrases, type Phrase } from './phrases.js';
import { matchesIn } from './scan.js';
import type { Token } from './tokens.js';
import type { Span } from './types.js';

/** A name found in text and what it names. */
export interface NameMention extends Span {
  type: Extract<EntityType, 'organization' | 'project' | 'person' | 'event'>;
  name: string;
  rule: string;
}

// Capitalised words that start a sentence or phrase without being part of a name.
const leadingWords = new Set([
  'The',
  'A',
  'An',
  'By',
  'In',
  'On',
  'At',
  'For',
  'From',
  'To',
  'With',
  'As',
  'According',
  'Under',
  'Since',
  'While',
  'When',
  'After',
  'Before',
  'During',
  'Also',
  'This',
  'That',
  'These',
  'Those',
  'Its',
  'Their',
  'His',
  'Her',
  'Our',
  'But',
  'And',
  'Yet',
  'However',
  'Meanwhile',
  'Recently',
  'Earlier',
  'Last',
  'Next',
  'Both',
  'Each',
  'Former',
  'El',
  'La',
  'Los',
  'Las',
  'Lo',
  'Un',
  'Una',
  'En',
  'Por',
  'Para',
  'Con',
  'De',
  'Del',
  'Según',
  'Desde',
  'Durante',
  'Tras',
  'Sin',
  'Además',
  'Asimismo',
  'Igualmente',
  'Finalmente',
  'Luego',
  'Entonces',
  'Aunque',
  'Mientras',
  'Contudo',
  'Porém',
  'Entretanto',
  'Assim',
  'Ainda',
  'Já',
  'Enquanto',
  'Embora',
  'Then',
  'Still',
  'Although',
  'Though',
  'Moreover',
  'Furthermore',
  'Additionally',
  'Instead',
  'Today',
  'Hoy',
  'Hoje',
  'O',
  'Os',
  'As',
  'Um',
  'Uma',
  'No',
  'Na',
  'Nos',
  'Nas',
  'Em',
  'Com',
  'Segundo',
  'Pelo',
  'Pela',
  'Após',
  'Também',
  'Photo',
  'Foto',
  'Reporting',
  'Editing',
  'Source',
  'Fuente',
  'Fonte',
  // pronouns and demonstratives: a speaker, never a name
  'Esto',
  'Esta',
  'Este',
  'Isso',
  'Isto',
  'Esse',
  'Essa',
  'Ese',
  'Esa',
  'He',
  'She',
  'They',
  'It',
  'We',
  'I',
  'You',
  'Él',
  'Ella',
  'Ellos',
  'Ellas',
  'Ele',
  'Ela',
  'Eles',
  'Elas',
  'Nosotros',
  'Nós',
]);
const speechBefore = new RegExp(`(?:${speechVerbs})\\s+$`, 'iu');
const speechAfter = new RegExp(`^,?\\s+(?:${speechVerbs})(?![\\p{L}])`, 'iu');
const bylineBefore =
  /(?:^|\(|\n)\s*(?:By|Por|Photo by|Foto:?|Reporting by|Texto de|Photo:|Fotos?\s+de)\s+$|(?:photo|foto|reporting|reportagem|texto)\s+(?:by|por|de)\s+$/iu;
// "Coca Codo Sinclair es una planta hidroeléctrica", "X is a 500 MW solar park": a name defined as a facility.
const definedAsFacility =
  /^\s+(?:is|was|will be|es|fue|será|é|foi|serão)\s+(?:a|an|the|una?|uma?|el|la|o)\s+(?:[\p{Ll}\d-]+\s+){0,3}?(?:(?:hydroelectric\s+)?(?:plant|dam|port|airport|railway|park|farm|mine|bridge|terminal|refinery|power\s+station|highway|metro|megaport)|planta|central|represa|presa|hidroeléctrica|hidrelétrica|puerto|megapuerto|aeropuerto|ferrocarril|parque|mina|puente|carretera|usina|porto|aeroporto|ferrovia|ponte|rodovia|refinería|refinaria)(?![\p{L}])/iu;
// The appositive describes this name, not a name after it (", la empresa Yutong" describes Yutong).
const describedAfter = (after: string) => {
  const m = companyAppositive.exec(after);
  return !!m && !/^\s+\p{Lu}/u.test(after.slice(m[0].length));
};

let countryNames: Set<string> | undefined;
/** Whether a phrase is a country's name in some language ("dólares de Estados Unidos" is a currency). */
function isCountryName(name: string): boolean {
  countryNames ??= new Set(loadCountries().flatMap((c) => [c.name, c.names.es, c.names.pt, ...c.terms]));
  return countryNames.has(name);
}

const publicationTails = new Set([
  'Database',
  'Index',
  'Report',
  'Tracker',
  'Monitor',
  'Atlas',
  'Dataset',
  'Survey',
]);

// Money "from" a capitalised name: the name is who lends or pays ("unos 400 millones de dólares de Goldman Sachs").
const moneySource =
  /(?:dólares|dollars|reais|yuan|yuanes|euros|millones|milhões|million|billion|bilhões|billones)\s+(?:de|from|del|da|do)\s+$/iu;
const website = /^\s*\((?:https?:\/\/)?(?:www\.)?[a-z0-9-]+\.[a-z.]{2,}\/?\)/iu;

// Drops leading function words ("The", "By", "According") from a phrase.
function trimLeading(phrase: Phrase, tokens: Token[]): Phrase | null {
  let first = phrase.first;
  while (first <= phrase.last && leadingWords.has(tokens[first]?.text ?? '')) first++;
  // A connector left at the front ("of", "de") is not part of the name either.
  while (first <= phrase.last && !/^\p{Lu}/u.test(tokens[first]?.text ?? '')) first++;
  if (first > phrase.last) return null;
  const start = tokens[first]?.start ?? phrase.start;
  return { ...phrase, first, start, words: tokens.slice(first, phrase.last + 1).map((t) => t.text) };
}

const lastWord = (words: string[]) => {
  const content = words.filter((w) => /^\p{L}/u.test(w));
  return content[content.length - 1] ?? '';
};
const personShape = (words: string[]) => {
  const content = words.filter((w) => /^\p{L}/u.test(w));
  return (
    content.length >= 1 &&
    content.length <= 6 &&
    content.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^(?:da|de|do|dos|das|del|la|van|von|y|e)$/.test(w)) &&
    !content.some((w) => orgHeads.has(w) || projectTails.has(w) || regionWords.has(w))
  );
};
// Words of regions and peoples: "Latin American and Caribbean officials" are nobody's name.
const regionWords = new Set([
  'Latin',
  'American',
  'Americans',
  'Caribbean',
  'African',
  'Asian',
  'European',
  'Pacific',
  'Atlantic',
  'Andean',
  'Amazon',
  'Amazonian',
  'Southern',
  'Northern',
  'Western',
  'Eastern',
  'Central',
  'Latinoamericanos',
  'Latinoamericanas',
  'Latino-americanos',
]);

/** Classifies one capitalised phrase of a sentence: organization, project or person, or nothing. */
function classify(text: string, phrase: Phrase, tokens: Token[]): NameMention | null {
  const p = trimLeading(phrase, tokens);
  if (!p) return null;
  const words = p.words.filter((w) => /^\p{L}/u.test(w));
  const name = text.slice(p.start, p.end);
  const before = text.slice(Math.max(0, p.start - 24), p.start);
  const after = text.slice(p.end, p.end + 48);
  const mention = (type: NameMention['type'], rule: string, start = p.start): NameMention => ({
    type,
    name: text.slice(start, p.end),
    start,
    end: p.end,
    rule,
  });
  if (website.test(after)) return mention('organization', 'name:website');
  if (definedAsFacility.test(after) && !p.words.some((w) => titles.has(w)))
    return mention('project', 'project:defined');
  // A title inside the phrase: the person is what follows it ("Chinese President Xi Jinping").
  const titleAt = p.words.findLastIndex((w) => titles.has(w));
  if (titleAt >= 0 && titleAt < p.words.length - 1) {
    const rest = tokens.slice(p.first + titleAt + 1, p.last + 1);
    const first = rest.find((t) => /^\p{Lu}/u.test(t.text));
    if (first && personShape(rest.map((t) => t.text))) return mention('person', 'person:title', first.start);
    // "Secretary of Energy Gustavo Lopetegui": the person starts at a first name after the title's complement.
    for (let k = p.first + titleAt + 1; k <= p.last; k++) {
      const tail = tokens.slice(k, p.last + 1).map((t) => t.text);
      const at = tokens[k];
      if (at && nameShapedPerson(tail) === 'person:given-name')
        return mention('person', 'person:title', at.start);
    }
  }
  const tail = lastWord(p.words);
  // "Dialogue's China-Latin America Finance Database" is a publication, not its publisher.
  if (publicationTails.has(tail)) return null;
  const numberedLine = /^\d+[A-Z]?$/.test(p.words[p.words.length - 1] ?? '');
  if (projectTails.has(tail) || (numberedLine && projectTails.has(tail)))
    return mention('project', 'project:tail');
  if (words.some((w) => orgHeads.has(w)) || /\b(?:S\.A\.|Ltda|S\.A\.C|SpA)$/.test(name))
    return mention('organization', 'org:head');
  if (projectHeads.has(words[0] ?? '') && words.length >= 2) return mention('project', 'project:head');
  if (words.some((w) => eventHeads.has(w))) return mention('event', 'event:head');
  // "la empresa china Cosco Shipping", "A Mixue, maior rede chinesa de bebidas", "400 millones de dólares de Goldman Sachs"
  const wide = text.slice(Math.max(0, p.start - 60), p.start);
  if (!isCountryName(name) && (companyBefore.test(wide) || describedAfter(after) || moneySource.test(wide)))
    return mention('organization', 'org:described');
  // "ambassador Sabino Vaca Narvaja", "el ministro Richard Tineo"
  if (words.length >= 2 && personShape(p.words) && lowerTitles.test(before))
    return mention('person', 'person:title');
  if (!personShape(p.words) || words.length === 0) return null;
  const named = nameShapedPerson(p.words);
  if (named) return { ...mention('person', named), name };
  const cue = roleAfterName.test(after)
    ? 'person:role'
    : speechAfter.test(after)
      ? 'person:speech'
      : speechBefore.test(before)
        ? 'person:speech'
        : bylineBefore.test(before)
          ? 'person:byline'
          : null;
  if (!cue) return null;
  // One capitalised word is a name only next to speech; a role or byline needs first and last name.
  if (words.length === 1 && cue !== 'person:speech') return null;
  return { ...mention('person', cue), name };
}

// Pinyin syllables, for the given name after a Chinese family name ("Xi Jinping", "Yi Gang", "Wang Chuanfu").
const pinyinName =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|ü)){1,2}$/;
const nameParticles = new Set(['da', 'de', 'do', 'dos', 'das', 'del']);

/**
 * A phrase that is a person's name by its own shape: a known first name followed by one to three surnames
 * ("Michel Temer", "Andrés Manuel López Obrador", "Luiz Inácio Lula da Silva"), or a Chinese family name followed
 * by a one- or two-syllable pinyin given name ("Xi Jinping"). Returns the rule, or null.
 */
function nameShapedPerson(words: string[]): string | null {
  const names = loadPersonNames();
  const [first = '', second = ''] = words;
  if (words.length === 2 && names.chineseFamily.has(first) && pinyinName.test(second.toLowerCase()))
    return 'person:chinese-name';
  // Given name first, as English-language papers write it: "Jianrong Huang".
  if (
    words.length === 2 &&
    names.chineseFamily.has(second) &&
    pinyinName.test(first.toLowerCase()) &&
    first.length > 3
  )
    return 'person:chinese-name';
  if (!names.given.has(fold(first)) || words.length < 2 || words.length > 5) return null;
  // "Marco de Cooperación" is no person: a particle may join surnames, never follow the first name.
  if (nameParticles.has(second)) return null;
  const rest = words.slice(1);
  const surnames = rest.filter((w) => !nameParticles.has(w));
  if (surnames.length === 0 || surnames.length > 3) return null;
  if (surnames.some((w) => /^\p{Lu}+$/u.test(w) || projectHeads.has(w) || notASurname.has(w))) return null;
  return 'person:given-name';
}
// Capitalised words after a first name that make the phrase something else ("Santa Cruz", "San José" are
// not listed as first names; these guard the rest).
const notASurname = new Set([
  'Street',
  'Avenue',
  'Calle',
  'Avenida',
  'Rua',
  'Square',
  'Plaza',
  'Praça',
  'Day',
  'Prize',
  'Award',
  'Foundation',
  'Cup',
  'Copa',
]);

// A lower-case word of local government before a place: "prefeitura de Iracemápolis", "alcaldía de Lima".
const officeBefore =
  /(?:^|[^\p{L}])((?:prefeitura|alcald[ií]a|municipalidad|intendencia|gobernaci[oó]n|governo\s+do\s+estado|gobierno\s+(?:regional|provincial)|c[aâ]mara\s+municipal)\s+(?:de|do|da|del)\s+)$/u;

// A lower-case facility word before a name: "megapuerto de Chancay", "the port of Chancay", "usina de Belo Monte".
const facilityBefore =
  /(?:^|[^\p{L}])((?:megapuerto|puerto|porto|port|megaport|aeropuerto|aeroporto|airport|hidroeléctrica|hidrelétrica|usina|central|represa|presa|parque|planta|mina|metro|metrô|línea|linha|ferrocarril|ferrovia|tren|trem|puente|ponte|carretera|rodovia)(?:\s+(?:de|del|da|do|of))?\s+)$/u;

/**
 * Finds organizations, projects and people named in a sentence from the shape of their names and the words
 * around them: head words ("Bank", "Port", "Instituto", "Usina"), titles, roles, bylines and speech verbs.
 * Phrases inside `known` spans (gazetteer matches) are left to the gazetteer; phrases inside `places` only
 * make projects after a facility word.
 */
export function findNames(text: string, tokens: Token[], known: Span[], places: Span[] = []): NameMention[] {
  const found: NameMention[] = [];
  const covered = coverage(known);
  const isPlace = coverage(places);
  for (const phrase of findPhrases(tokens)) {
    if (covered(phrase)) continue;
    const facility = facilityBefore.exec(text.slice(Math.max(0, phrase.start - 30), phrase.start));
    const office = officeBefore.exec(text.slice(Math.max(0, phrase.start - 40), phrase.start));
    if (office?.[1] && !facility?.[1]) {
      const start = phrase.start - office[1].length;
      found.push({
        type: 'organization',
        name: text.slice(start, phrase.end),
        start,
        end: phrase.end,
        rule: 'org:office',
      });
      continue;
    }
    // A place's name is no organization or person, but "puerto de Chancay" is a project named after a place.
    if (!facility?.[1] && isPlace(phrase)) continue;
    const m: NameMention | null = facility?.[1]
      ? {
          type: 'project',
          name: text.slice(phrase.start - facility[1].length, phrase.end),
          start: phrase.start - facility[1].length,
          end: phrase.end,
          rule: 'project:facility-word',
        }
      : classify(text, phrase, tokens);
    // "Michel Temer and Xi Jinping": a run joined by "and" that is no organization may be several names.
    // "Shanghai Port and Chancay Port" likewise, when every part is a name on its own.
    const parts = !m || m.type !== 'organization' ? coordinated(phrase, tokens) : [];
    const each = parts.length > 1 ? parts.map((part) => classify(text, part, tokens)) : [];
    if (each.length > 1 && (!m || m.type === 'person' || each.every((pm) => pm?.type === m.type))) {
      for (const pm of each) if (pm && !covered(pm)) found.push(pm);
    } else if (m && !covered(m)) found.push(m);
  }
  return found;
}

const coordinators = new Set(['and', 'y', 'e']);

/** Splits a phrase at "and"/"y"/"e" into the phrases on either side; one part when there is none. */
function coordinated(phrase: Phrase, tokens: Token[]): Phrase[] {
  const parts: Phrase[] = [];
  let first = phrase.first;
  const close = (last: number) => {
    const a = tokens[first];
    const b = tokens[last];
    if (a && b && last >= first)
      parts.push({
        first,
        last,
        start: a.start,
        end: b.end,
        words: tokens.slice(first, last + 1).map((t) => t.text),
      });
  };
  for (let k = phrase.first; k <= phrase.last; k++) {
    if (coordinators.has(tokens[k]?.text ?? '')) {
      close(k - 1);
      first = k + 1;
    }
  }
  close(phrase.last);
  return parts;
}

/** A test of whether a span lies inside one of the given spans, by binary search (spans may be many and nest). */
function coverage(spans: Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // reach[i]: the furthest end of the spans 0..i, so "some span starting at or before s ends at or after e" is one lookup.
  const reach: number[] = [];
  sorted.forEach((k, i) => reach.push(Math.max(k.end, reach[i - 1] ?? 0)));
  return (span) => {
    let low = 0;
    let high = sorted.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((sorted[mid]?.start ?? 0) <= span.start) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return last >= 0 && (reach[last] ?? 0) >= span.end;
  };
}

// "the 500 kV transmission and transformation ring network closure project", "the 100 MW solar project".
const describedProject =
  /\b(?:the|a|an)\s+(\d[\d.,]*\s?(?:kV|MW|GW|MWp|km|TEU)\b[^.,;:()“”"]{3,100}?\s(?:project|plant|line|park|farm|port|railway))\b/gu;

/** Finds projects named by what they are rather than a proper name, when the description carries a rating. */
export function findDescribedProjects(text: string, from: number, to: number): NameMention[] {
  const found: NameMention[] = [];
  for (const { m, at } of matchesIn(describedProject, text, from, to)) {
    const name = m[1] ?? '';
    const start = at + m[0].length - name.length;
    found.push({ type: 'project', name, start, end: start + name.length, rule: 'project:described' });
  }
  return found;
}

// Lower-case facility nouns that name a project together with the name or place that follows them.
const FACILITY = String.raw`sistemas?\s+de\s+(?:autobuses|buses|ônibus|transporte(?:\s+(?:masivo|público|coletivo))?|trenes|bondes|tranvías?|metro|metrô|teleférico)|bus\s+rapid\s+transit\s+system|complexos?\s+fabril|complexos?\s+industriai?s?|complejos?\s+industrial(?:es)?|parques?\s+(?:solar(?:es)?|eólicos?|fotovoltaicos?)|fábricas?|plantas?|usinas?|factory|factories|plants?|data\s+cent(?:er|re)s?|centros?\s+de\s+dat[oa]s|represas?|presas?|dams?|hidroeléctricas?|hidrelétricas?|refinerías?|refinarias?|minas?`;
const NAME_WORDS = String.raw`\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:(?:de|da|do|del|y|e|and)\s+)?\p{Lu}[\p{L}\p{N}'’.-]*){0,5}`;
const PLACE = String.raw`\s+(?:en|em|in)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?`;
// "represas Néstor Kirchner y Jorge Cepernic", "fábrica de pneus Bridgestone", "complexo fabril da BYD em Camaçari",
// "planta en México"
const facilityFirst = new RegExp(
  String.raw`(?<![\p{L}])(?<fac>${FACILITY})(?<comp>\s+(?:de|da|do)\s+\p{Ll}[\p{Ll}-]+(?=\s+\p{Lu}))?(?:\s+(?:de|da|do|del|la|of|the)(?=\s+\p{Lu}))?(?:\s+(?<name>${NAME_WORDS}))?(?<place>${PLACE})?`,
  'gu',
);
// "Huawei data center in Chile", "the BYD plant in Camaçari"
const facilityLast = new RegExp(
  String.raw`(?<![\p{L}])(?<name>\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*){0,3})\s+(?<fac>plant|factory|data\s+cent(?:er|re)|dam|refinery|smelter|assembly\s+plant)(?<place>${PLACE})?(?![\p{L}])`,
  'gu',
);
// "linha de ultra-alta tensão entre Maranhão e Goiás", "the transmission line between Belo Monte and Rio"
const lineBetween = new RegExp(
  String.raw`(?<![\p{L}])(?:linhas?|l[ií]neas?|lines?|ferrovias?|ferrocarril|railway|rodovias?|carreteras?|highway|gasodutos?|gasoductos?|pipelines?)(?:\s+(?:de|of)?\s*[\p{Ll}-]+){0,4}?\s+(?:entre|between)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?\s+(?:e|y|and)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?`,
  'gu',
);
const singular = (words: string) => words.replace(/^(\S+)s(?=\s|$)/u, '$1');

/**
 * Projects named by a lower-case facility word and the name or place after it ("represas Néstor Kirchner y
 * Jorge Cepernic" are two dams, "planta de MG Motor en México" one plant), or an organization's facility
 * ("Huawei data center in Chile"). A plural facility word with names joined by "y"/"and" gives one project each.
 */
export function findFacilities(text: string, from: number, to: number): NameMention[] {
  const found: NameMention[] = [];
  for (const { m, at } of matchesIn(facilityFirst, text, from, to)) {
    const g = m.groups ?? {};
    if (!g.name && !g.place) continue;
    // A place alone names a facility only after "a"/"new" ("una planta en México", not "the largest dam in Ecuador").
    if (
      !g.name &&
      !/(?:^|\s)(?:una?|uma|an?|new|nueva|nova|su|sua|its|their)\s+$/iu.test(
        text.slice(Math.max(from, at - 12), at),
      )
    )
      continue;
    const fac = g.fac ?? '';
    const name = g.name ?? '';
    if (name && leadingWords.has(name.split(/\s+/)[0] ?? '')) continue;
    const plural = /s$/u.test(fac.split(/\s+/)[0] ?? '');
    const parts = plural && name ? name.split(/\s+(?:y|e|and)\s+/u) : [name];
    if (parts.length > 1 && !g.place) {
      let cursor = at + fac.length;
      for (const part of parts) {
        const start = text.indexOf(part, cursor);
        if (start < 0) continue;
        cursor = start + part.length;
        found.push({
          type: 'project',
          name: `${singular(fac)} ${part}`,
          start,
          end: cursor,
          rule: 'project:facility',
        });
      }
      continue;
    }
    // A sentence's full stop is not part of the name ("TransMilenio."), an abbreviation's is ("Co.").
    const said = /\p{Ll}{3,}\.$/u.test(m[0]) ? m[0].slice(0, -1) : m[0];
    found.push({ type: 'project', name: said, start: at, end: at + said.length, rule: 'project:facility' });
  }
  for (const { m, at } of matchesIn(lineBetween, text, from, to))
    found.push({
      type: 'project',
      name: m[0],
      start: at,
      end: at + m[0].length,
      rule: 'project:line-between',
    });
  for (const { m, at } of matchesIn(facilityLast, text, from, to)) {
    // "The Huawei data center": a leading function word is not part of the name.
    const lead = /^(\p{Lu}\p{L}*)\s+/u.exec(m[0]);
    const skip = lead?.[1] && leadingWords.has(lead[1]) ? lead[0].length : 0;
    const name = m[0].slice(skip);
    if (!/^\p{Lu}/u.test(name) || leadingWords.has(name.split(/\s+/)[0] ?? '')) continue;
    found.push({ type: 'project', name, start: at + skip, end: at + m[0].length, rule: 'project:facility' });
  }
  return found;
}

const roman = String.raw`(?:IX|IV|V?I{1,3}|VI{0,3}|X)`;

/**
 * Phases and units of a project already named: "Cauchari I", "Cauchari II and III" once "Cauchari Solar Park"
 * is known. `heads` are the first words of the document's projects; a regnal name ("Carlos III") is never one.
 */
export function findNumberedPhases(
  text: string,
  from: number,
  to: number,
  heads: Set<string>,
): NameMention[] {
  const found: NameMention[] = [];
  if (heads.size === 0) return found;
  const pattern = new RegExp(
    String.raw`(?<![\p{L}])(\p{Lu}[\p{L}-]+)\s+(${roman})(?![\p{L}\p{N}])((?:\s*(?:,|and|y|e)\s*${roman}(?![\p{L}\p{N}]))*)`,
    'gu',
  );
  for (const { m, at } of matchesIn(pattern, text, from, to)) {
    const head = m[1] ?? '';
    if (!heads.has(head)) continue;
    const first = `${head} ${m[2] ?? ''}`;
    found.push({ type: 'project', name: first, start: at, end: at + first.length, rule: 'project:phase' });
    // "Cauchari II and III": each further numeral is a phase of its own, its evidence the numeral itself.
    const rest = m[3] ?? '';
    for (const more of rest.matchAll(new RegExp(roman, 'gu'))) {
      const start = at + first.length + (more.index ?? 0);
      found.push({
        type: 'project',
        name: `${head} ${more[0]}`,
        start,
        end: start + more[0].length,
        rule: 'project:phase',
      });
    }
  }
  return found;
}
