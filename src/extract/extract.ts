import { pesoCurrency } from './currency.js';
import { runStages, type DocumentState, type ExtractInput, type Stage, type StageError } from './document.js';
import { EntityIndex } from './entity-index.js';
import { languagesOf, type Lexicon } from './lexicon.js';
import { numberStyle } from './number.js';
import type { Quote } from './quotes.js';
import { defaultStages } from './stages.js';
import type { ExtractedClaim, ExtractedEntity } from './types.js';

export type { ExtractInput } from './document.js';

/** What the extractor finds: entities with their mentions, claims with their evidence, and quotes. */
export interface ExtractOutput {
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
  quotes: Quote[];
  /** the stages that failed on a paragraph, whose output for that paragraph is missing (see runStages) */
  errors: StageError[];
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

/**
 * Runs the extraction's stages (stages.ts) over the paragraphs of a document, in order. A paragraph that repeats an
 * earlier one is skipped, so a repeated paragraph never yields a second claim, mention or quote. Pure: no database,
 * no I/O; what it knows besides the text (gazetteers, language packs) is the `lexicon` its caller passes
 * (src/reference/lexicon.ts). A stage that fails on a paragraph loses its output there and is reported in `errors`.
 */
export function extract(
  input: ExtractInput,
  lexicon: Lexicon,
  stages: readonly Stage[] = defaultStages,
): ExtractOutput {
  const languages = languagesOf(lexicon);
  const doc: DocumentState = {
    input,
    lexicon,
    languages,
    index: new EntityIndex(languages),
    roles: new Map(),
    lastSpeaker: null,
    context: { style: numberStyle(input.text), peso: pesoCurrency(languages, input.text) },
    currency: null,
    amounts: new Map(),
    claims: [],
    quotes: [],
    errors: [],
    undo: [],
  };
  input.paragraphs.forEach((paragraph, i) => {
    if (paragraph.duplicateOf !== null) return;
    const found = runStages(stages, doc, i, paragraph);
    // Push one by one: spreading a huge array into push() overflows the call stack.
    for (const sentence of found.claims) for (const claim of sentence ?? []) doc.claims.push(claim);
    for (const quote of found.quotes) doc.quotes.push(quote);
  });
  return {
    entities: doc.index.list(),
    claims: withoutRepeatedTies(doc.claims),
    quotes: doc.quotes,
    errors: doc.errors,
  };
}
