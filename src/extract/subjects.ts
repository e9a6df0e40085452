import { perLanguages, type Languages } from './lang/languages.js';
import type { SubjectWords } from './lang/pack.js';
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

/** How far before a figure its subject may start, in characters. */
export const subjectReach = 400;

/** The words of clause subjects in every language, composed once. */
const subjectsOf = perLanguages((languages) => {
  const words = (pick: (w: SubjectWords) => readonly string[]) =>
    languages.union((p) => pick(p.subjects)).join('|') || '(?!)';
  return {
    // Verbs that state a figure of their subject: "X reached $V", "X rose from A to B", "X alcanzó", "X atingiu".
    figureVerbs: new RegExp(`(?<![\\p{L}\\p{N}])(?:${words((w) => w.figureVerbs)})(?![\\p{L}])`, 'iu'),
    // A clause that starts with a relative word speaks of the noun before it: "el puerto, cuya inversión es de ...".
    relative: new RegExp(`^(?:${words((w) => w.relatives)})(?![\\p{L}])`, 'iu'),
    // What joins a figure to the project after it: "3.200 millones de dólares en la construcción del puerto de Chancay".
    toProject: new RegExp(`^[^.;]{0,100}?(?:\\s(?:${words((w) => w.projectLinks)})\\s)[^.;]{0,60}$`, 'iu'),
    // Leading words of an adverbial segment, not a subject: "by the end of 2022", "Similarly", "According to".
    adverbial: new RegExp(`^\\s*(?:${words((w) => w.adverbials)}|\\d)`, 'iu'),
    leading: new RegExp(`^\\s*(?:${words((w) => w.articles)})\\s+`, 'iu'),
    // "A GWM" is a Portuguese article and a name, not the Spanish "a" of an adverbial.
    articleName: new RegExp(`^\\s*(?:${words((w) => w.articlesBeforeNames)})\\s+\\p{Lu}`, 'u'),
    // An appositive segment describes the subject before it: "A GWM, uma das maiores montadoras chinesas, anunciou".
    appositive: new RegExp(`^(?:${words((w) => w.appositives)})\\s+\\p{Ll}`, 'u'),
    pronoun: new RegExp(`^(?:${words((w) => w.pronouns)})$`, 'iu'),
    splitter: new RegExp(
      `(?<!\\d),|,(?!\\d)|[;:]|(?<![\\p{L}])(?:${words((w) => w.that)})(?![\\p{L}])`,
      'giu',
    ),
  };
});

/**
 * The clause subject before the first figure verb that comes before position `before` in the sentence:
 * "Statistics show that by the end of 2022, China's direct investment stock in LAC reached $596.2 billion"
 * gives "China's direct investment stock in LAC". Introductory adverbials and "X show that" are dropped.
 */
export function clauseSubject(
  languages: Languages,
  text: string,
  sentence: Span,
  before: number,
): string | null {
  return clauseSpan(languages, text, sentence, before)?.subject ?? null;
}

/** The clause subject as text and as the span it stands in, with the segment before an appositive. */
function clauseSpan(
  languages: Languages,
  text: string,
  sentence: Span,
  before: number,
): { subject: string; start: number; end: number } | null {
  // A subject stands within a few hundred characters of its figure; looking no further keeps huge sentences linear.
  const from = Math.max(sentence.start, before - subjectReach);
  const head = text.slice(from, before);
  const { figureVerbs, splitter, adverbial, articleName, appositive, leading, pronoun } =
    subjectsOf(languages);
  const verb = figureVerbs.exec(head);
  if (!verb) return null;
  const segments: { text: string; start: number }[] = [];
  let last = 0;
  const body = head.slice(0, verb.index);
  for (const m of body.matchAll(splitter)) {
    segments.push({ text: body.slice(last, m.index), start: from + last });
    last = (m.index ?? 0) + m[0].length;
  }
  segments.push({ text: body.slice(last), start: from + last });
  const kept = segments.filter(
    (seg) => seg.text.trim() && (!adverbial.test(seg.text) || articleName.test(seg.text)),
  );
  let chosen = kept.at(-1);
  // A segment that starts in lower case ("plataforma chinesa de delivery") describes the one before it.
  const described = (t: string) => appositive.test(t) || /^\p{Ll}/u.test(t);
  if (chosen && described(chosen.text.trim()) && kept.length > 1) chosen = kept.at(-2);
  const subject = chosen?.text.trim().replace(leading, '').trim();
  if (!chosen || !subject || subject.length < 3 || subject.length > 160 || pronoun.test(subject)) {
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
  languages: Languages,
  text: string,
  sentence: Span,
  q: Quantity,
  entities: SentenceEntity[],
): FigureSubject | null {
  const projects = entities.filter((e) => e.type === 'project');
  const containing = projects.find((p) => p.start <= q.start && p.end >= q.end);
  if (containing) return { name: containing.name, type: 'project', id: containing.id };
  const { relative, toProject } = subjectsOf(languages);
  const span = clauseSpan(languages, text, sentence, q.start);
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
