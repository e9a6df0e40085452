import type { Paragraph } from '../domain/source.js';
import type { EntityIndex } from './entity-index.js';
import type { Languages } from './lang/languages.js';
import type { Lexicon } from './lexicon.js';
import type { QuantityContext } from './quantity.js';
import type { Quote, Speaker } from './quotes.js';
import type { SentenceEntity } from './subjects.js';
import type { TimeExpr } from './times.js';
import type { ExtractedClaim, Span } from './types.js';

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

/** What reading one document carries from paragraph to paragraph; the stages read it and add to it. */
export interface DocumentState {
  input: ExtractInput;
  /** the gazetteers and language packs the document is read with, and the set of those packs */
  lexicon: Lexicon;
  languages: Languages;
  /** the entities named so far, merged */
  index: EntityIndex;
  /** who holds each role in this document ("ambassador" -> "Sabino Vaca Narvaja"), for "the ambassador said" */
  roles: Map<string, string>;
  /** the last person quoted, whom "He added" continues */
  lastSpeaker: string | null;
  /** how the document writes its figures: number style, the currency of "pesos" */
  context: QuantityContext;
  /** the currency of the last money figure read, which a bare "414 millones" continues */
  currency: string | null;
  /** the currency of each amount read so far: a bare amount that restates one keeps its currency */
  amounts: Map<number, string>;
  claims: ExtractedClaim[];
  quotes: Quote[];
  errors: StageError[];
  /** how to take back the changes the running stage made to the maps above (see setInDocument) */
  undo: (() => void)[];
}

/** Sets a key of one of the document's maps, so that the change can be taken back if the stage fails. */
export function setInDocument<K, V>(doc: DocumentState, map: Map<K, V>, key: K, value: V): void {
  const before = map.get(key);
  doc.undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)));
  map.set(key, value);
}

/** The times a sentence speaks in: its own time expressions, and those it reads in (its own, else the last ones). */
export interface SentenceTimes {
  own: TimeExpr[];
  inScope: TimeExpr[];
}

/** What the stages find in one paragraph, filled in stage by stage. */
export interface ParagraphState extends Span {
  /** the paragraph's place in the document's list of paragraphs */
  index: number;
  /** the paragraph's mentions in text order (by start), as the sentences stage reads them */
  mentions: SentenceEntity[];
  people: Speaker[];
  sentences: Span[];
  /** the mentions inside each sentence, by sentence */
  inSentence: SentenceEntity[][];
  times: SentenceTimes[];
  /** the claims of each sentence, by sentence, in the order the stages found them */
  claims: ExtractedClaim[][];
  quotes: Quote[];
}

/** What a stage adds to its paragraph: some of the paragraph's parts (claims are added to each sentence's). */
export type StageOutput = Partial<Omit<ParagraphState, 'index' | 'start' | 'end'>>;

/**
 * A named step of the extraction, run on every paragraph in turn after the stages before it. It reads the
 * document and what earlier stages found in the paragraph, and returns its own part; it may also record in the
 * document (entities in the index, the running currency, the last speaker).
 */
export interface Stage {
  name: string;
  run(doc: DocumentState, paragraph: Readonly<ParagraphState>): StageOutput;
}

/** A stage that failed on a paragraph: its output for that paragraph was dropped, the rest of the document kept. */
export interface StageError {
  stage: string;
  /** the paragraph's place in the document's list of paragraphs, and its span */
  paragraph: number;
  start: number;
  end: number;
  message: string;
}

/** The parts of the document state a stage may change, as they were before it ran (maps change by setInDocument). */
function checkpoint(doc: DocumentState) {
  doc.index.mark();
  doc.undo = [];
  return { lastSpeaker: doc.lastSpeaker, currency: doc.currency };
}

function restore(doc: DocumentState, saved: ReturnType<typeof checkpoint>) {
  doc.index.rollback();
  for (let i = doc.undo.length - 1; i >= 0; i--) doc.undo[i]?.();
  doc.undo = [];
  doc.lastSpeaker = saved.lastSpeaker;
  doc.currency = saved.currency;
}

/**
 * Runs the stages in order over one paragraph. A stage that throws loses its own output for this paragraph only:
 * what it recorded in the document is taken back, the error is kept for the result (`errors`), and the stages
 * after it run on what the paragraph has (a failed sentence split leaves no sentences, so no claims).
 */
export function runStages(
  stages: readonly Stage[],
  doc: DocumentState,
  index: number,
  paragraph: Span,
): ParagraphState {
  const state: ParagraphState = {
    index,
    start: paragraph.start,
    end: paragraph.end,
    mentions: [],
    people: [],
    sentences: [],
    inSentence: [],
    times: [],
    claims: [],
    quotes: [],
  };
  for (const stage of stages) {
    const saved = checkpoint(doc);
    try {
      const { claims, ...parts } = stage.run(doc, state);
      doc.index.commit();
      doc.undo = [];
      Object.assign(state, parts);
      claims?.forEach((found, i) => {
        const into = (state.claims[i] ??= []);
        for (const claim of found) into.push(claim);
      });
    } catch (error) {
      restore(doc, saved);
      const message = error instanceof Error ? error.message : String(error);
      doc.errors.push({
        stage: stage.name,
        paragraph: index,
        start: paragraph.start,
        end: paragraph.end,
        message,
      });
    }
  }
  return state;
}
