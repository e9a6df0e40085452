import type { Paragraph } from '../domain/source.js';
import { attachTimes, incompleteStatistics } from './attach-times.js';
import { bodyEntityType, findBodies } from './bodies.js';
import { findCountries } from './countries.js';
import { EntityIndex } from './entity-index.js';
import { findDescribedProjects, findNames } from './names.js';
import { findMultiplyVerbs, findQuantities, type Quantity } from './quantity.js';
import { findQuotes, type Quote, type Speaker } from './quotes.js';
import { splitSentences } from './sentences.js';
import { findTimes, type TimeExpr } from './times.js';
import { tokenize } from './tokens.js';
import type { ExtractedClaim, ExtractedEntity, Span } from './types.js';

/** What the extractor reads: a normalized text cut into paragraphs, its language and date if known. */
export interface ExtractInput {
  text: string;
  paragraphs: Pick<Paragraph, 'start' | 'end' | 'duplicateOf'>[];
  language: string | null;
  publishedAt?: string | null;
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

/** Records the entities of one paragraph in the index; returns the people, for quote attribution. */
function paragraphEntities(input: ExtractInput, paragraph: Span, index: EntityIndex): Speaker[] {
  const { text } = input;
  const tokens = tokenize(text, paragraph.start, paragraph.end);
  const known: Span[] = [];
  for (const m of findCountries(text, tokens, input.language)) {
    index.add('country', m.country.name, m.country.id, m);
    known.push(m);
  }
  for (const m of findBodies(text, tokens)) {
    index.add(bodyEntityType(m.body), m.body.name, m.body.id, m);
    known.push(m);
  }
  const people: Speaker[] = [];
  for (const m of [
    ...findNames(text, tokens, known),
    ...findDescribedProjects(text, paragraph.start, paragraph.end),
  ]) {
    const entity = index.add(m.type, m.name, null, m);
    if (m.type === 'person') people.push({ start: m.start, end: m.end, name: entity.name });
  }
  return people;
}

/** The claims of one paragraph: figures with their times, sentence by sentence. */
function paragraphClaims(input: ExtractInput, paragraph: Span, sentences: Span[]): ExtractedClaim[] {
  const { text } = input;
  const claims: ExtractedClaim[] = [];
  // A sentence without a time of its own reads in the time of the one before it ("Similarly, ... doubled").
  let context: TimeExpr[] = [];
  for (const sentence of sentences) {
    const own = findTimes(text, sentence.start, sentence.end, input.publishedAt ?? null);
    const inScope = own.length > 0 ? own : context;
    context = inScope;
    const quantities = [
      ...findQuantities(text, sentence.start, sentence.end, input.language),
      ...findMultiplyVerbs(text, sentence.start, sentence.end),
    ].sort((a, b) => a.start - b.start);
    if (quantities.length === 0) continue;
    const times = attachTimes(text, quantities, inScope);
    const floor = incompleteStatistics.test(text.slice(sentence.start, sentence.end));
    quantities.forEach((q, i) => {
      const claim = claimOf(text, q, times[i] ?? null);
      if (floor && claim.qualifier === null && q.kind !== 'multiple') claim.qualifier = 'at_least';
      claims.push(claim);
    });
  }
  return claims;
}

/**
 * Runs every extractor over the paragraphs of a document. A paragraph that repeats an earlier one is skipped,
 * so a repeated paragraph never yields a second claim, mention or quote. Pure: no database, no I/O.
 */
export function extract(input: ExtractInput): ExtractOutput {
  const index = new EntityIndex();
  const claims: ExtractedClaim[] = [];
  const quotes: Quote[] = [];
  let lastSpeaker: string | null = null;
  for (const paragraph of input.paragraphs) {
    if (paragraph.duplicateOf !== null) continue;
    const people = paragraphEntities(input, paragraph, index);
    const sentences = splitSentences(input.text, paragraph.start, paragraph.end);
    // Push one by one: spreading a huge array into push() overflows the call stack.
    for (const claim of paragraphClaims(input, paragraph, sentences)) claims.push(claim);
    const found = findQuotes(input.text, paragraph, sentences, people, lastSpeaker);
    for (const quote of found.quotes) quotes.push(quote);
    lastSpeaker = found.lastSpeaker;
  }
  return { entities: index.list(), claims, quotes };
}
