import type { EntityType } from '../domain/entity.js';
import type { Paragraph } from '../domain/source.js';
import { attachTimes } from './attach-times.js';
import { bodyEntityType, findBodies, type BodyMention } from './bodies.js';
import { findCountries } from './countries.js';
import { EntityIndex, shownName } from './entity-index.js';
import { indicatorOf } from './indicators.js';
import { findDescribedProjects, findFacilities, findNames, findNumberedPhases } from './names.js';
import { pesoCurrency } from './currency.js';
import { perLanguages, type Languages } from './lang/languages.js';
import type { MoneyKind } from './lang/pack.js';
import { numberStyle } from './number.js';
import { findMultiplyVerbs, findQuantities, type Quantity, type QuantityContext } from './quantity.js';
import { nameCuesOf } from './name-cues.js';
import { findPlaces } from './places.js';
import { saysFloor } from './qualifier.js';
import { findQuotes, roleOf, type Quote, type Speaker } from './quotes.js';
import { findFunders } from './funders.js';
import { findRelations } from './relations.js';
import { splitSentences } from './sentences.js';
import { subjectOf, subjectReach, type SentenceEntity } from './subjects.js';
import { findTimes, type TimeExpr } from './times.js';
import { tokenize } from './tokens.js';
import { languagesOf, type Lexicon } from './lexicon.js';
import type { ExtractedClaim, ExtractedEntity, Span } from './types.js';

/** What the extractor reads: a normalized text cut into paragraphs, its language and date if known. */
export interface ExtractInput {
  text: string;
  paragraphs: Pick<Paragraph, 'start' | 'end' | 'duplicateOf'>[];
  language: string | null;
  publishedAt?: string | null;
  /**
   * The project the whole document is about, when it is one project's record (a GCDF record): a lender or donor
   * a sentence names without naming a project gives to it. Without it such a party makes no claim.
   */
  about?: string | null;
}

/** What the extractor finds: entities with their mentions, claims with their evidence, and quotes. */
export interface ExtractOutput {
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
  quotes: Quote[];
}

const propertyOf: Record<Quantity['kind'], string> = {
  money: 'amount',
  power: 'capacity',
  energy: 'energy',
  voltage: 'voltage',
  length: 'length',
  area: 'area',
  teu: 'throughput',
  mass: 'volume',
  percent: 'share',
  duration: 'duration',
  jobs: 'jobs',
  count: 'count',
  multiple: 'growth_multiple',
};

// What a money figure is: a loan, an investment, a cost, trade, or just an amount, from the cue word nearest to
// it in its sentence (a cue before the figure wins a tie). Whole words only: "costa" is no cost.
const moneyKinds: MoneyKind[] = ['loan', 'investment', 'cost', 'trade'];
const moneyCuesOf = perLanguages((languages) =>
  moneyKinds.map(
    (kind) =>
      [
        new RegExp(
          `(?<![\\p{L}])(?:${languages.union((p) => p.money.kinds[kind]).join('|')})(?![\\p{L}])`,
          'giu',
        ),
        kind,
      ] as const,
  ),
);
function moneyProperty(languages: Languages, text: string, from: number, to: number, figure: Span): string {
  let best: { property: string; distance: number } | null = null;
  const window = text.slice(from, to);
  for (const [pattern, property] of moneyCuesOf(languages)) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      const at = from + m.index;
      const distance = at < figure.start ? figure.start - at : at - figure.end + 1;
      if (!best || distance < best.distance) best = { property, distance };
    }
  }
  return best?.property ?? 'amount';
}

function claimOf(text: string, q: Quantity, time: string | null): ExtractedClaim {
  return {
    subject: q.counted,
    subjectType: null,
    subjectId: null,
    property: propertyOf[q.kind],
    value: q.value,
    unit: q.unit,
    currency: q.currency,
    qualifier: q.qualifier,
    time,
    quote: text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    rule: q.rule,
  };
}

/** Records the entities of one paragraph in the index; returns their mentions, and the people for quotes. */
function paragraphEntities(
  lexicon: Lexicon,
  input: ExtractInput,
  paragraph: Span,
  index: EntityIndex,
  roles: Map<string, string>,
) {
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
      if (role) roles.set(role, entity.name);
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
  const inner = bodies
    .filter((b) => b.body.type === 'organization' && b.start >= name.start && b.end <= name.end)
    .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  if (!inner) return undefined;
  const inside = (at: number) =>
    (at >= inner.start && at < inner.end) || countries.some((c) => at >= c.start && at < c.end);
  for (const word of text.slice(name.start, name.end).matchAll(/[\p{L}\p{N}.]+/gu)) {
    const at = name.start + (word.index ?? 0);
    if (!inside(at) && !companyWords.test(word[0].replace(/\.$/, ''))) return undefined;
  }
  return inner;
}

/** Sets what a claim is about; an aggregate becomes an indicator entity with its normalized label. */
function assignSubject(
  languages: Languages,
  text: string,
  sentence: Span,
  q: Quantity,
  claim: ExtractedClaim,
  inSentence: SentenceEntity[],
  index: EntityIndex,
) {
  const subject = subjectOf(languages, text, sentence, q, inSentence);
  if (!subject) return;
  // Who and where qualify a measure between its words and its figure ("the photovoltaic power capacity invested
  // by Chinese companies in Latin America quadrupled, rising from 363 MW"), so the indicator reads that stretch.
  // Looked for near the figure only: a search to the end of a huge sentence for every figure would be quadratic.
  const window = Math.max(sentence.start, q.start - 600);
  const at = text.slice(window, q.start).lastIndexOf(subject.name);
  const scope = at >= 0 ? text.slice(window + at, q.start) : subject.name;
  const indicator = subject.type === 'indicator' ? indicatorOf(languages, scope) : null;
  if (indicator) {
    const at = text.indexOf(subject.name, sentence.start);
    if (at >= 0 && at < sentence.end)
      index.add('indicator', indicator.label, indicator.id, { start: at, end: at + subject.name.length });
    Object.assign(claim, { subject: indicator.label, subjectType: 'indicator', subjectId: indicator.id });
  } else {
    Object.assign(claim, { subject: subject.name, subjectType: subject.type, subjectId: subject.id });
  }
}

/**
 * "Cosco Shipping will invest US$ 3.2 billion in the port of Chancay": an organization that invests or lends money
 * for a project the same sentence names after the figure is its investor or lender. The evidence runs from the
 * organization to the project.
 */
function fundingTie(
  text: string,
  claim: ExtractedClaim,
  inSentence: SentenceEntity[],
): ExtractedClaim | null {
  const role = claim.property === 'investment' ? 'investor' : claim.property === 'loan' ? 'lender' : null;
  if (!role || claim.subjectType !== 'organization' || !claim.subject) return null;
  const party = inSentence.filter((e) => e.name === claim.subject && e.end <= claim.start).at(-1);
  const project = inSentence.find(
    (e) => e.type === 'project' && e.start >= claim.end && e.start - claim.end <= 120,
  );
  if (!party || !project || project.end - party.start > 400) return null;
  return {
    subject: project.name,
    subjectType: 'project',
    subjectId: project.id,
    property: role,
    value: party.name,
    unit: null,
    currency: null,
    qualifier: null,
    time: null,
    quote: text.slice(party.start, project.end),
    start: party.start,
    end: project.end,
    rule: `relation:${role}:funding`,
  };
}

/** A relation or status stated again later in the document ("puerto de Chancay" in Chancay) is kept once. */
function withoutRepeatedTies(claims: ExtractedClaim[]): ExtractedClaim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    if (typeof c.value === 'number') return true;
    const key = [c.subject, c.property, c.value, c.time].join('\u001f');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What reading one document carries from sentence to sentence. */
interface DocumentState {
  /** the gazetteers and language packs the document is read with, and the set of those packs */
  lexicon: Lexicon;
  languages: Languages;
  context: QuantityContext;
  /** the currency of the last money figure read, which a bare "414 millones" continues */
  currency: string | null;
  /** the currency of each amount read so far: a bare amount that restates one keeps its currency */
  amounts: Map<number, string>;
}

// A bare amount restates an earlier one of the same value, or continues the running currency (dropped when
// there is none); any other money figure sets the running currency.
function withRunningCurrency(q: Quantity, doc: DocumentState): Quantity[] {
  if (q.kind !== 'money') return [q];
  if (q.rule !== 'money:implied') {
    doc.currency = q.currency;
    if (q.currency) doc.amounts.set(q.value, q.currency);
    return [q];
  }
  const currency = doc.amounts.get(q.value) ?? doc.currency;
  return currency ? [{ ...q, unit: currency, currency }] : [];
}

/** The claims of one paragraph: figures with their times and subjects, sentence by sentence. */
function paragraphClaims(
  input: ExtractInput,
  sentences: Span[],
  mentions: SentenceEntity[],
  index: EntityIndex,
  doc: DocumentState,
): ExtractedClaim[] {
  const { text } = input;
  const claims: ExtractedClaim[] = [];
  const about = input.about ? { start: 0, end: 0, type: 'project', name: input.about, id: null } : null;
  // A sentence without a time of its own reads in the time of the one before it ("Similarly, ... doubled").
  let context: TimeExpr[] = [];
  for (const sentence of sentences) {
    const own = findTimes(doc.languages, text, sentence.start, sentence.end, input.publishedAt ?? null);
    const inScope = own.length > 0 ? own : context;
    context = inScope;
    const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const main = index.mainProject();
    const mainMention = main && { start: 0, end: 0, type: 'project', name: shownName(main), id: main.id };
    for (const c of findRelations(
      doc.languages,
      text,
      sentence,
      inSentence,
      own[0]?.value ?? null,
      mainMention ?? null,
    ))
      claims.push(c);
    for (const c of findFunders(doc.lexicon, text, sentence, inSentence, about)) claims.push(c);
    const quantities = [
      ...findQuantities(doc.languages, text, sentence.start, sentence.end, input.language, doc.context),
      ...findMultiplyVerbs(doc.languages, text, sentence.start, sentence.end, input.language),
    ]
      .sort((a, b) => a.start - b.start)
      .flatMap((q) => withRunningCurrency(q, doc));
    if (quantities.length === 0) continue;
    const times = attachTimes(doc.languages, text, quantities, inScope);
    const sentenceText = text.slice(sentence.start, sentence.end);
    const floor = saysFloor(doc.languages, sentenceText);
    // Mentions near each figure, by a window sliding along both sorted lists (huge sentences stay linear).
    let lo = 0;
    let hi = 0;
    quantities.forEach((q, i) => {
      while (lo < inSentence.length && (inSentence[lo]?.end ?? 0) < q.start - subjectReach) lo++;
      hi = Math.max(hi, lo);
      while (hi < inSentence.length && (inSentence[hi]?.start ?? 0) <= q.end) hi++;
      const claim = claimOf(text, q, times[i] ?? null);
      if (floor && claim.qualifier === null && q.kind !== 'multiple') claim.qualifier = 'at_least';
      // The words around a figure say what kind of money it is; the window also keeps huge sentences linear.
      if (q.kind === 'money')
        claim.property = moneyProperty(
          doc.languages,
          text,
          Math.max(sentence.start, q.start - 160),
          Math.min(sentence.end, q.end + 80),
          q,
        );
      assignSubject(doc.languages, text, sentence, q, claim, inSentence.slice(lo, hi), index);
      claims.push(claim);
      const tie = fundingTie(text, claim, inSentence);
      if (tie) claims.push(tie);
    });
  }
  return claims;
}

/**
 * Runs every extractor over the paragraphs of a document. A paragraph that repeats an earlier one is skipped,
 * so a repeated paragraph never yields a second claim, mention or quote. Pure: no database, no I/O; what it knows
 * besides the text (gazetteers, language packs) is the `lexicon` its caller passes (src/reference/lexicon.ts).
 */
export function extract(input: ExtractInput, lexicon: Lexicon): ExtractOutput {
  const languages = languagesOf(lexicon);
  const index = new EntityIndex(languages);
  const claims: ExtractedClaim[] = [];
  const quotes: Quote[] = [];
  let lastSpeaker: string | null = null;
  // Who holds each role in this document ("ambassador" -> "Sabino Vaca Narvaja"), for "the ambassador said".
  const roles = new Map<string, string>();
  const doc: DocumentState = {
    lexicon,
    languages,
    context: { style: numberStyle(input.text), peso: pesoCurrency(languages, input.text) },
    currency: null,
    amounts: new Map(),
  };
  for (const paragraph of input.paragraphs) {
    if (paragraph.duplicateOf !== null) continue;
    const { people, mentions } = paragraphEntities(lexicon, input, paragraph, index, roles);
    const sentences = splitSentences(input.text, paragraph.start, paragraph.end, doc.languages);
    // Push one by one: spreading a huge array into push() overflows the call stack.
    for (const claim of paragraphClaims(input, sentences, mentions, index, doc)) claims.push(claim);
    const found = findQuotes(doc.languages, input.text, paragraph, sentences, people, lastSpeaker, roles);
    for (const quote of found.quotes) quotes.push(quote);
    lastSpeaker = found.lastSpeaker;
  }
  return { entities: index.list(), claims: withoutRepeatedTies(claims), quotes };
}
