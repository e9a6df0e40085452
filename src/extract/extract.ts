import type { Paragraph } from '../domain/source.js';
import { findCountries } from './countries.js';
import { extractMoney } from './money.js';
import { tokenize } from './tokens.js';
import type { ExtractedClaim, ExtractedEntity } from './types.js';

/** What the extractor reads: a normalized text cut into paragraphs, and its language if known. */
export interface ExtractInput {
  text: string;
  paragraphs: Pick<Paragraph, 'start' | 'end' | 'duplicateOf'>[];
  language: string | null;
}

/** What the extractor finds: entities with their mentions, and claims with their evidence spans. */
export interface ExtractOutput {
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
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
    claims.push(...extractMoney(input.text, paragraph.start, paragraph.end, input.language));
  }
  return { entities: [...entities.values()], claims };
}
