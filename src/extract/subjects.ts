import type { Quantity } from './quantity.js';
import type { Span } from './types.js';

/** An entity mentioned in the sentence, as the subject finder sees it. */
export interface SentenceEntity extends Span {
  type: string;
  name: string;
  id: string | null;
}

/** What a figure is about, as the text says it. */
export interface FigureSubject {
  name: string;
  type: string;
  id: string | null;
}

// Verbs that state a figure of their subject: "X reached $V", "X rose from A to B", "X alcanzó", "X atingiu".
const figureVerbs =
  /\b(?:reached|rose|risen|increased|grew|grown|totaled|totalled|amounted|stood|hit|exceeded|surpassed|climbed|jumped|fell|dropped|declined|doubled|tripled|quadrupled|reaching|rising|increasing|growing|totaling|was|were|is|are|has|have|had|will|alcanzó|alcanzaron|alcanza|llegó|creció|crecieron|sumó|sumaron|totalizó|ascendió|superó|aumentó|se\s+duplicó|duplicó|fue|es|son|atingiu|atingiram|chegou|cresceu|cresceram|somou|somaram|totalizou|superou|aumentou|dobrou|foi|é|são)(?![\p{L}])/iu;
// Leading words of an adverbial segment, not a subject: "by the end of 2022", "Similarly", "According to".
const adverbial =
  /^\s*(?:by|in|as\s+of|since|between|from|during|over|according|similarly|meanwhile|moreover|additionally|also|however|in\s+addition|statistics|data|figures|en|a|al|hasta|desde|entre|durante|según|segundo|de\s+acuerdo|asimismo|además|también|no|na|em|até|conforme|dados|datos|the\s+data|\d)/iu;
/** How far before a figure its subject may start, in characters. */
export const subjectReach = 400;
const leading = /^\s*(?:the|a|an|el|la|los|las|o|os|as|un|una|um|uma)\s+/iu;

/**
 * The clause subject before the first figure verb that comes before position `before` in the sentence:
 * "Statistics show that by the end of 2022, China's direct investment stock in LAC reached $596.2 billion"
 * gives "China's direct investment stock in LAC". Introductory adverbials and "X show that" are dropped.
 */
export function clauseSubject(text: string, sentence: Span, before: number): string | null {
  // A subject stands within a few hundred characters of its figure; looking no further keeps huge sentences linear.
  const head = text.slice(Math.max(sentence.start, before - subjectReach), before);
  const verb = figureVerbs.exec(head);
  if (!verb) return null;
  const segments = head
    .slice(0, verb.index)
    .split(/[,;:]|\b(?:that|que)\b/iu)
    .map((s) => s.trim())
    .filter((s) => s && !adverbial.test(s));
  const subject = segments.at(-1)?.replace(leading, '').trim();
  if (
    !subject ||
    subject.length < 3 ||
    subject.length > 160 ||
    /^(?:it|they|this|these|which|who|ello|esto|isso)$/iu.test(subject)
  ) {
    return null;
  }
  return subject;
}

const projectKinds = new Set(['money', 'power', 'voltage', 'length', 'teu', 'mass', 'jobs', 'energy']);

/**
 * What a figure of a sentence is about: the project whose name contains it ("the 500 kV ... project"); the one
 * project the sentence names, for the kinds of figure projects have; else the clause subject; else null.
 */
export function subjectOf(
  text: string,
  sentence: Span,
  q: Quantity,
  entities: SentenceEntity[],
): FigureSubject | null {
  const projects = entities.filter((e) => e.type === 'project');
  const containing = projects.find((p) => p.start <= q.start && p.end >= q.end);
  if (containing) return { name: containing.name, type: 'project', id: containing.id };
  const clause = clauseSubject(text, sentence, q.start);
  const named = clause
    ? entities.find(
        (e) => clause === text.slice(e.start, e.end) || clause.endsWith(text.slice(e.start, e.end)),
      )
    : undefined;
  if (named && clause && clause.length - (named.end - named.start) < 8)
    return { name: named.name, type: named.type, id: named.id };
  if (projects.length === 1 && projectKinds.has(q.kind) && !clause) {
    const [only] = projects;
    if (only) return { name: only.name, type: 'project', id: only.id };
  }
  if (clause) return { name: clause, type: 'indicator', id: null };
  if (q.counted) return { name: q.counted, type: 'indicator', id: null };
  return null;
}
