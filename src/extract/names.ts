import type { EntityType } from '../domain/entity.js';
import { foldName as fold } from '../util/fold-name.js';
import type { Languages } from './lang/languages.js';
import { languagesOf, perLexicon, type Lexicon } from './lexicon.js';
import { nameCuesOf } from './name-cues.js';
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

// The appositive describes this name, not a name after it (", la empresa Yutong" describes Yutong).
const describedAfter = (c: Cues, after: string) => {
  const m = c.companyAppositive.exec(after);
  return !!m && !/^\s+\p{Lu}/u.test(after.slice(m[0].length));
};

const website = /^\s*\((?:https?:\/\/)?(?:www\.)?[a-z0-9-]+\.[a-z.]{2,}\/?\)/iu;

// Drops leading function words ("The", "By", "According") from a phrase.
function trimLeading(c: Cues, phrase: Phrase, tokens: Token[]): Phrase | null {
  let first = phrase.first;
  while (first <= phrase.last && c.leadingWords.has(tokens[first]?.text ?? '')) first++;
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
const personShape = (c: Cues, words: string[]) => {
  const content = words.filter((w) => /^\p{L}/u.test(w));
  return (
    content.length >= 1 &&
    content.length <= 6 &&
    content.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || c.personParticle.test(w)) &&
    !content.some((w) => c.orgHeads.has(w) || c.projectTails.has(w) || c.regionWords.has(w))
  );
};
// The name cues of a lexicon's languages, with its country names ("dólares de Estados Unidos" is a currency, not an
// organization) and its first names and Chinese family names.
const cuesOf = perLexicon((lexicon) => ({
  ...nameCuesOf(languagesOf(lexicon)),
  countryNames: new Set(lexicon.countries.flatMap((c) => [c.name, c.names.es, c.names.pt, ...c.terms])),
  personNames: lexicon.personNames,
}));
type Cues = ReturnType<typeof cuesOf>;

/** Classifies one capitalised phrase of a sentence: organization, project or person, or nothing. */
function classify(c: Cues, text: string, phrase: Phrase, tokens: Token[]): NameMention | null {
  const p = trimLeading(c, phrase, tokens);
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
  if (c.definedAsFacility.test(after) && !p.words.some((w) => c.titles.has(w)))
    return mention('project', 'project:defined');
  // A title inside the phrase: the person is what follows it ("Chinese President Xi Jinping").
  const titleAt = p.words.findLastIndex((w) => c.titles.has(w));
  if (titleAt >= 0 && titleAt < p.words.length - 1) {
    const rest = tokens.slice(p.first + titleAt + 1, p.last + 1);
    const first = rest.find((t) => /^\p{Lu}/u.test(t.text));
    if (
      first &&
      personShape(
        c,
        rest.map((t) => t.text),
      )
    )
      return mention('person', 'person:title', first.start);
    // "Secretary of Energy Gustavo Lopetegui": the person starts at a first name after the title's complement.
    for (let k = p.first + titleAt + 1; k <= p.last; k++) {
      const tail = tokens.slice(k, p.last + 1).map((t) => t.text);
      const at = tokens[k];
      if (at && nameShapedPerson(c, tail) === 'person:given-name')
        return mention('person', 'person:title', at.start);
    }
  }
  const tail = lastWord(p.words);
  // "Dialogue's China-Latin America Finance Database" is a publication, not its publisher.
  if (c.publicationTails.has(tail)) return null;
  const numberedLine = /^\d+[A-Z]?$/.test(p.words[p.words.length - 1] ?? '');
  if (c.projectTails.has(tail) || (numberedLine && c.projectTails.has(tail)))
    return mention('project', 'project:tail');
  if (words.some((w) => c.orgHeads.has(w)) || /\b(?:S\.A\.|Ltda|S\.A\.C|SpA)$/.test(name))
    return mention('organization', 'org:head');
  if (c.projectHeads.has(words[0] ?? '') && words.length >= 2) return mention('project', 'project:head');
  if (words.some((w) => c.eventHeads.has(w))) return mention('event', 'event:head');
  // "la empresa china Cosco Shipping", "A Mixue, maior rede chinesa de bebidas", "400 millones de dólares de Goldman Sachs"
  const wide = text.slice(Math.max(0, p.start - 60), p.start);
  if (
    !c.countryNames.has(name) &&
    (c.companyBefore.test(wide) || describedAfter(c, after) || c.moneySource.test(wide))
  )
    return mention('organization', 'org:described');
  // "ambassador Sabino Vaca Narvaja", "el ministro Richard Tineo"
  if (words.length >= 2 && personShape(c, p.words) && c.lowerTitles.test(before))
    return mention('person', 'person:title');
  if (!personShape(c, p.words) || words.length === 0) return null;
  const named = nameShapedPerson(c, p.words);
  if (named) return { ...mention('person', named), name };
  const cue = c.roleAfterName.test(after)
    ? 'person:role'
    : c.speechAfter.test(after)
      ? 'person:speech'
      : c.speechBefore.test(before)
        ? 'person:speech'
        : c.bylineBefore.test(before)
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

/**
 * A phrase that is a person's name by its own shape: a known first name followed by one to three surnames
 * ("Michel Temer", "Andrés Manuel López Obrador", "Luiz Inácio Lula da Silva"), or a Chinese family name followed
 * by a one- or two-syllable pinyin given name ("Xi Jinping"). Returns the rule, or null.
 */
function nameShapedPerson(c: Cues, words: string[]): string | null {
  const names = c.personNames;
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
  if (c.nameParticles.has(second)) return null;
  const rest = words.slice(1);
  const surnames = rest.filter((w) => !c.nameParticles.has(w));
  if (surnames.length === 0 || surnames.length > 3) return null;
  if (surnames.some((w) => /^\p{Lu}+$/u.test(w) || c.projectHeads.has(w) || c.notASurname.has(w)))
    return null;
  return 'person:given-name';
}
/**
 * Finds organizations, projects and people named in a sentence from the shape of their names and the words
 * around them: head words ("Bank", "Port", "Instituto", "Usina"), titles, roles, bylines and speech verbs.
 * Phrases inside `known` spans (gazetteer matches) are left to the gazetteer; phrases inside `places` only
 * make projects after a facility word.
 */
export function findNames(
  lexicon: Lexicon,
  text: string,
  tokens: Token[],
  known: Span[],
  places: Span[] = [],
): NameMention[] {
  const c = cuesOf(lexicon);
  const found: NameMention[] = [];
  const covered = coverage(known);
  const isPlace = coverage(places);
  for (const phrase of findPhrases(languagesOf(lexicon), tokens)) {
    if (covered(phrase)) continue;
    const facility = c.facilityBefore.exec(text.slice(Math.max(0, phrase.start - 30), phrase.start));
    const office = c.officeBefore.exec(text.slice(Math.max(0, phrase.start - 40), phrase.start));
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
      : classify(c, text, phrase, tokens);
    // "Michel Temer and Xi Jinping": a run joined by "and" that is no organization may be several names.
    // "Shanghai Port and Chancay Port" likewise, when every part is a name on its own.
    const parts = !m || m.type !== 'organization' ? coordinated(c, phrase, tokens) : [];
    const each = parts.length > 1 ? parts.map((part) => classify(c, text, part, tokens)) : [];
    if (each.length > 1 && (!m || m.type === 'person' || each.every((pm) => pm?.type === m.type))) {
      for (const pm of each) if (pm && !covered(pm)) found.push(pm);
    } else if (m && !covered(m)) found.push(m);
  }
  return found;
}

/** Splits a phrase at "and"/"y"/"e" into the phrases on either side; one part when there is none. */
function coordinated(c: Cues, phrase: Phrase, tokens: Token[]): Phrase[] {
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
    if (c.coordinators.has(tokens[k]?.text ?? '')) {
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

/** Finds projects named by what they are rather than a proper name, when the description carries a rating. */
export function findDescribedProjects(
  languages: Languages,
  text: string,
  from: number,
  to: number,
): NameMention[] {
  const found: NameMention[] = [];
  for (const { m, at } of matchesIn(nameCuesOf(languages).describedProject, text, from, to)) {
    const name = m[1] ?? '';
    const start = at + m[0].length - name.length;
    found.push({ type: 'project', name, start, end: start + name.length, rule: 'project:described' });
  }
  return found;
}

const singular = (words: string) => words.replace(/^(\S+)s(?=\s|$)/u, '$1');

/**
 * Projects named by a lower-case facility word and the name or place after it ("represas Néstor Kirchner y
 * Jorge Cepernic" are two dams, "planta de MG Motor en México" one plant), or an organization's facility
 * ("Huawei data center in Chile"). A plural facility word with names joined by "y"/"and" gives one project each.
 */
export function findFacilities(languages: Languages, text: string, from: number, to: number): NameMention[] {
  const c = nameCuesOf(languages);
  const found: NameMention[] = [];
  for (const { m, at } of matchesIn(c.facilityFirst, text, from, to)) {
    const g = m.groups ?? {};
    if (!g.name && !g.place) continue;
    // A place alone names a facility only after "a"/"new" ("una planta en México", not "the largest dam in Ecuador").
    if (!g.name && !c.introducer.test(text.slice(Math.max(from, at - 12), at))) continue;
    const fac = g.fac ?? '';
    const name = g.name ?? '';
    if (name && c.leadingWords.has(name.split(/\s+/)[0] ?? '')) continue;
    const plural = /s$/u.test(fac.split(/\s+/)[0] ?? '');
    const parts = plural && name ? name.split(new RegExp(`\\s+(?:${c.coordinator})\\s+`, 'u')) : [name];
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
  for (const { m, at } of matchesIn(c.lineBetween, text, from, to))
    found.push({
      type: 'project',
      name: m[0],
      start: at,
      end: at + m[0].length,
      rule: 'project:line-between',
    });
  for (const { m, at } of matchesIn(c.facilityLast, text, from, to)) {
    // "The Huawei data center": a leading function word is not part of the name.
    const lead = /^(\p{Lu}\p{L}*)\s+/u.exec(m[0]);
    const skip = lead?.[1] && c.leadingWords.has(lead[1]) ? lead[0].length : 0;
    const name = m[0].slice(skip);
    if (!/^\p{Lu}/u.test(name) || c.leadingWords.has(name.split(/\s+/)[0] ?? '')) continue;
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
  languages: Languages,
  text: string,
  from: number,
  to: number,
  heads: Set<string>,
): NameMention[] {
  const found: NameMention[] = [];
  if (heads.size === 0) return found;
  const pattern = new RegExp(
    String.raw`(?<![\p{L}])(\p{Lu}[\p{L}-]+)\s+(${roman})(?![\p{L}\p{N}])((?:\s*(?:,|${nameCuesOf(languages).coordinator})\s*${roman}(?![\p{L}\p{N}]))*)`,
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
