import type { Stage } from '../extract/document.js';
import { extract } from '../extract/extract.js';
import type { Lexicon } from '../extract/lexicon.js';
import { defaultStages } from '../extract/stages.js';
import type { ReadDocument } from '../ingest/read-document.js';

/** The extraction contract's version; see docs/extract-contract.md. */
export const contractVersion = 1;

/**
 * Runs the extractor over a read document with a lexicon (and stages, the default ones unless a test gives others)
 * and shapes the result as the extraction contract's JSON.
 */
export function toContract(doc: ReadDocument, lexicon: Lexicon, stages: readonly Stage[] = defaultStages) {
  const found = extract(doc, lexicon, stages);
  return {
    contract: contractVersion,
    source: {
      title: doc.title,
      language: doc.language,
      publishedAt: doc.publishedAt,
      paragraphs: doc.paragraphs.length,
      duplicateParagraphs: doc.paragraphs.filter((p) => p.duplicateOf !== null).length,
    },
    entities: found.entities.map((e) => ({ type: e.type, name: e.name, id: e.id, mentions: e.mentions })),
    claims: found.claims.map((c) => ({
      subject: c.subject,
      subjectType: c.subjectType,
      property: c.property,
      value: c.value,
      unit: c.unit,
      qualifier: c.qualifier,
      time: c.time,
      quote: c.quote,
      start: c.start,
      end: c.end,
    })),
    quotes: found.quotes.map((q) => ({ speaker: q.speaker, text: q.text, start: q.start, end: q.end })),
    // An additive field of contract 1, there only when a stage failed: a result without it reads as before.
    ...(found.errors.length > 0
      ? {
          errors: found.errors.map((e) => ({
            stage: e.stage,
            paragraph: e.paragraph,
            start: e.start,
            end: e.end,
            message: e.message,
          })),
        }
      : {}),
  };
}
