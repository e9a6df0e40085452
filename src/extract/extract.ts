import type { Paragraph } from '../domain/source.js';
import { attachTimes, incompleteStatistics } from './attach-times.js';
import { findCountries } from './countries.js';
import { findMultiplyVerbs, findQuantities, type Quantity } from './quantity.js';
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

/** What the extractor finds: entities with their mentions, and claims with their evidence spans. */
export interface ExtractOutput {
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
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

/** The figures of one sentence, in text order. */
function sentenceQuantities(text: string, sentence: Span, language: string | null): Quantity[] {
  return [
    ...findQuantities(text, sentence.start, sentence.end, language),
    ...findMultiplyVerbs(text, sentence.start, sentence.end),
  ].sort((a, b) => a.start - b.start);
}

/**
 * Runs every extractor over the paragraphs of a document. A paragraph that repeats an earlier one is skipped,
 * so a repeated paragraph never yields a second claim or mention. Pure: no database, no I/O.
 */
export function extract(input: ExtractInput): ExtractOutput {
  const entities = new Map<string, ExtractedEntity>();
  const claims: ExtractedClaim[] = [];
  for (const paragraph of input.paragraphs) {
    if (paragraph.duplicateOf !== null) continue;
    const tokens = tokenize(input.text, paragraph.start, paragraph.end);
    for (const mention of findCountries(input.text, tokens, input.language)) {
      const { country } = mention;
      let entity = entities.get(country.id);
      if (!entity) {
        entity = { type: 'country', name: country.name, id: country.id, mentions: [] };
        entities.set(country.id, entity);
      }
      entity.mentions.push({ start: mention.start, end: mention.end });
    }
    // A sentence without a time of its own reads in the time of the one before it ("Similarly, ... doubled").
    let context: TimeExpr[] = [];
    for (const sentence of splitSentences(input.text, paragraph.start, paragraph.end)) {
      const own = findTimes(input.text, sentence.start, sentence.end, input.publishedAt ?? null);
      const inScope = own.length > 0 ? own : context;
      context = inScope;
      const quantities = sentenceQuantities(input.text, sentence, input.language);
      if (quantities.length === 0) continue;
      const times = attachTimes(input.text, quantities, inScope);
      const floor = incompleteStatistics.test(input.text.slice(sentence.start, sentence.end));
      quantities.forEach((q, i) => {
        const claim = claimOf(input.text, q, times[i] ?? null);
        if (floor && claim.qualifier === null && q.kind !== 'multiple') claim.qualifier = 'at_least';
        claims.push(claim);
      });
    }
  }
  return { entities: [...entities.values()], claims };
}
