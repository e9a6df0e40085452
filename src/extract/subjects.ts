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
  /(?<![\p{L}\p{N}])(?:invests?|invested|investing|will\s+invest|plans\s+to\s+invest|announced|committed|pledged|lent|lends|signed|received|approved|allocated|invertirá|invertir|invierte|invirtió|invertirán|anunció|anunciaron|comprometió|prestó|firmó|recibió|aprobó|destinará|destinó|aportará|aportó|investirá|investir|investe|investiu|investirão|anunciou|anunciaram|emprestou|assinou|recebeu|aprovou|destinará|destinou|aportará|reached|rose|risen|increased|grew|grown|totaled|totalled|amounted|stood|hit|exceeded|surpassed|climbed|jumped|fell|dropped|declined|doubled|tripled|quadrupled|reaching|rising|increasing|growing|totaling|was|were|is|are|has|have|had|will|alcanzó|alcanzaron|alcanza|llegó|creció|crecieron|sumó|sumaron|totalizó|ascendió|superó|aumentó|se\s+duplicó|duplicó|fue|es|son|atingiu|atingiram|chegou|cresceu|cresceram|somou|somaram|totalizou|superou|aumentou|dobrou|foi|é|são)(?![\p{L}])/iu;
// A clause that starts with a relative word speaks of the noun before it: "el puerto, cuya inversión es de ...".
const relative =
  /^(?:cuy[oa]s?|whose|cuj[oa]s?|which|que|el\s+cual|la\s+cual|o\s+qual|a\s+qual)(?![\p{L}])/iu;
// What joins a figure to the project after it: "3.200 millones de dólares en la construcción del puerto de Chancay".
const toProject = /^[^.;]{0,100}?(?:\s(?:en|in|into|para|for|no|na|em|del|do|da|of|at|on)\s)[^.;]{0,60}$/iu;
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
  return clauseSpan(text, sentence, before)?.subject ?? null;
}

// An appositive segment describes the subject before it: "A GWM, uma das maiores montadoras chinesas, anunciou".
const appositive =
  /^(?:one of|uma? d[oa]s|una? de l[oa]s|un[oa]? de|the (?:largest|biggest|leading|main)|a (?:maior|principal)|la (?:mayor|principal)|el (?:mayor|principal)|an?|uma?|una?)\s+\p{Ll}/u;

/** The clause subject as text and as the span it stands in, with the segment before an appositive. */
function clauseSpan(
  text: string,
  sentence: Span,
  before: number,
): { subject: string; start: number; end: number } | null {
  // A subject stands within a few hundred characters of its figure; looking no further keeps huge sentences linear.
  const from = Math.max(sentence.start, before - subjectReach);
  const head = text.slice(from, before);
  const verb = figureVerbs.exec(head);
  if (!verb) return null;
  const splitter = /(?<!\d),|,(?!\d)|[;:]|(?<![\p{L}])(?:that|que)(?![\p{L}])/giu;
  const segments: { text: string; start: number }[] = [];
  let last = 0;
  const body = head.slice(0, verb.index);
  for (const m of body.matchAll(splitter)) {
    segments.push({ text: body.slice(last, m.index), start: from + last });
    last = (m.index ?? 0) + m[0].length;
  }
  segments.push({ text: body.slice(last), start: from + last });
  // "A GWM" is a Portuguese article and a name, not the Spanish "a" of an adverbial.
  const kept = segments.filter(
    (seg) => seg.text.trim() && (!adverbial.test(seg.text) || /^\s*[AaOo]s?\s+\p{Lu}/u.test(seg.text)),
  );
  let chosen = kept.at(-1);
  // A segment that starts in lower case ("plataforma chinesa de delivery") describes the one before it.
  const described = (t: string) => appositive.test(t) || /^\p{Ll}/u.test(t);
  if (chosen && described(chosen.text.trim()) && kept.length > 1) chosen = kept.at(-2);
  const subject = chosen?.text.trim().replace(leading, '').trim();
  if (
    !chosen ||
    !subject ||
    subject.length < 3 ||
    subject.length > 160 ||
    /^(?:it|they|this|these|which|who|ello|esto|isso)$/iu.test(subject)
  ) {
    return null;
  }
  return { subject, start: chosen.start, end: chosen.start + chosen.text.length };
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
  const span = clauseSpan(text, sentence, q.start);
  const clause = span?.subject ?? null;
  // An organization, project or mechanism named inside the subject is what the figure is about.
  const inside = span
    ? entities
        .filter(
          (e) =>
            e.start >= span.start &&
            e.end <= span.end &&
            (e.type === 'organization' || e.type === 'project' || e.type === 'mechanism'),
        )
        .at(-1)
    : undefined;
  if (inside) return { name: inside.name, type: inside.type, id: inside.id };
  const named = clause
    ? entities.find(
        (e) => clause === text.slice(e.start, e.end) || clause.endsWith(text.slice(e.start, e.end)),
      )
    : undefined;
  if (named && clause && clause.length - (named.end - named.start) < 8)
    return { name: named.name, type: named.type, id: named.id };
  if (clause && relative.test(clause)) {
    const at = text.lastIndexOf(clause, q.start);
    const antecedent = entities
      .filter((e) => e.end <= at && e.type !== 'country' && e.type !== 'place')
      .at(-1);
    if (antecedent) return { name: antecedent.name, type: antecedent.type, id: antecedent.id };
  }
  const after = projectKinds.has(q.kind)
    ? projects.find((p) => p.start >= q.end && toProject.test(text.slice(q.end, p.start)))
    : undefined;
  if (after && (!clause || !named)) return { name: after.name, type: 'project', id: after.id };
  if (projects.length === 1 && projectKinds.has(q.kind) && !clause) {
    const [only] = projects;
    if (only) return { name: only.name, type: 'project', id: only.id };
  }
  if (clause) return { name: clause, type: 'indicator', id: null };
  if (q.counted) return { name: q.counted, type: 'indicator', id: null };
  return null;
}
