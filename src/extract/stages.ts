import type { DocumentState, ParagraphState, SentenceTimes, Stage, StageOutput } from './document.js';
import { shownName } from './entity-index.js';
import { figureClaims } from './figures.js';
import { findFunders } from './funders.js';
import { paragraphEntities } from './paragraph-entities.js';
import { findQuotes } from './quotes.js';
import { findRelations } from './relations.js';
import { splitSentences } from './sentences.js';
import type { SentenceEntity } from './subjects.js';
import { findTimes, type TimeExpr } from './times.js';

/** The paragraph's sentences, and the mentions inside each. */
function sentencesOf(doc: DocumentState, paragraph: Readonly<ParagraphState>): StageOutput {
  const sentences = splitSentences(doc.input.text, paragraph.start, paragraph.end, doc.languages);
  const { mentions } = paragraph;
  // Mentions and sentences both run in text order: a cursor finds each sentence's mentions, where a filter over
  // the paragraph's mentions for every sentence would be quadratic in a huge paragraph.
  let first = 0;
  const inSentence = sentences.map((sentence) => {
    while (first < mentions.length && (mentions[first]?.start ?? 0) < sentence.start) first++;
    const inside: SentenceEntity[] = [];
    for (let i = first; i < mentions.length && (mentions[i]?.start ?? 0) < sentence.end; i++) {
      const m = mentions[i];
      if (m && m.end <= sentence.end) inside.push(m);
    }
    return inside;
  });
  return { sentences, inSentence };
}

/** Each sentence's time expressions; a sentence without one reads in those of the one before it ("Similarly, ..."). */
function timesOf(doc: DocumentState, paragraph: Readonly<ParagraphState>): StageOutput {
  const { text, publishedAt } = doc.input;
  let context: TimeExpr[] = [];
  const times = paragraph.sentences.map((sentence): SentenceTimes => {
    const own = findTimes(doc.languages, text, sentence.start, sentence.end, publishedAt ?? null);
    const inScope = own.length > 0 ? own : context;
    context = inScope;
    return { own, inScope };
  });
  return { times };
}

/**
 * The relations and statuses each sentence states about a project: its parties, place, plan and lifecycle stage;
 * "the project" and "la obra" refer to the project the document has named most so far.
 */
function relationsOf(doc: DocumentState, paragraph: Readonly<ParagraphState>): StageOutput {
  const claims = paragraph.sentences.map((sentence, s) => {
    const main = doc.index.mainProject();
    const mainMention = main && { start: 0, end: 0, type: 'project', name: shownName(main), id: main.id };
    return findRelations(
      doc.languages,
      doc.input.text,
      sentence,
      paragraph.inSentence[s] ?? [],
      paragraph.times[s]?.own[0]?.value ?? null,
      mainMention ?? null,
    );
  });
  return { claims };
}

/** The lenders and donors each sentence names; a funder of no named project gives to the document's (`about`). */
function fundersOf(doc: DocumentState, paragraph: Readonly<ParagraphState>): StageOutput {
  const { about } = doc.input;
  const project: SentenceEntity | null = about
    ? { start: 0, end: 0, type: 'project', name: about, id: null }
    : null;
  const claims = paragraph.sentences.map((sentence, s) =>
    findFunders(doc.lexicon, doc.input.text, sentence, paragraph.inSentence[s] ?? [], project),
  );
  return { claims };
}

/** Direct quotes and reported speech with their speakers; the last speaker carries over to the next paragraph. */
function quotesOf(doc: DocumentState, paragraph: Readonly<ParagraphState>): StageOutput {
  const found = findQuotes(
    doc.languages,
    doc.input.text,
    paragraph,
    paragraph.sentences,
    paragraph.people,
    doc.lastSpeaker,
    doc.roles,
  );
  doc.lastSpeaker = found.lastSpeaker;
  return { quotes: found.quotes };
}

/**
 * The extraction as a list: each stage runs on every paragraph in this order, after the stages before it. Each
 * sentence's claims come in stage order (relations and statuses, funders, figures), as one sentence reads them.
 * Insert or replace a stage here (or pass another list to extract) rather than editing a stage's neighbours.
 */
export const defaultStages: readonly Stage[] = [
  { name: 'entities', run: paragraphEntities },
  { name: 'sentences', run: sentencesOf },
  { name: 'times', run: timesOf },
  { name: 'relations', run: relationsOf },
  { name: 'funders', run: fundersOf },
  { name: 'figures', run: figureClaims },
  { name: 'quotes', run: quotesOf },
];
