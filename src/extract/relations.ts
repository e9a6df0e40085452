import { perLanguages, type Languages } from './lang/languages.js';
import type { PartyRole, ProjectStatus, RelationWords } from './lang/pack.js';
import { nameCuesOf } from './name-cues.js';
import type { SentenceEntity } from './subjects.js';
import type { ExtractedClaim, Span } from './types.js';

export type { ProjectStatus } from './lang/pack.js';

// Status words, most specific first (so "began operations" is not read as "began").
const statusOrder: ProjectStatus[] = [
  'cancelled',
  'suspended',
  'operational',
  'completed',
  'expanded',
  'under_construction',
  'signed',
  'announced',
];
const roles: PartyRole[] = ['contractor', 'lender', 'investor', 'operator'];

/** The cue words of relations in every language, composed once. */
const relationsOf = perLanguages((languages) => {
  const words = (pick: (r: RelationWords) => readonly string[]) =>
    languages.union((p) => pick(p.relations)).join('|') || '(?!)';
  const party = (pick: (d: RelationWords['describedParty']) => readonly string[]) =>
    words((r) => pick(r.describedParty));
  const optional = (source: string) => (source === '(?!)' ? '' : `(?:${source}\\s+)?`);
  const { companyNouns, companyDescribers: describers } = nameCuesOf(languages);
  // Cue words that name the party of a project after them ("built by X", "financiado por el X").
  const partyAfter = roles.map(
    (role) => [role, new RegExp(`(?:${words((r) => r.partyCues[role])})`, 'iu')] as const,
  );
  // What may stand between a cue and the party's name: an article and a describer ("la empresa china").
  const DESCRIBER = `(?:(?:${words((r) => r.articles)})\\s+)?(?:(?:${companyNouns}|${describers})\\s+){0,3}`;
  const chinese = party((d) => d.chinese);
  return {
    statusWords: statusOrder.map(
      (status) =>
        [
          status,
          new RegExp(languages.union((p) => p.statuses.words[status]).join('|') || '(?!)', 'iu'),
        ] as const,
    ),
    partyAfter,
    partyCues: partyAfter.map(
      ([property, cue]) => [property, new RegExp(`(?:${cue.source})\\s+${DESCRIBER}$`, 'iu')] as const,
    ),
    partyCueAlternatives: new RegExp(partyAfter.map(([, cue]) => `(?:${cue.source})`).join('|'), 'giu'),
    anaphor: new RegExp(`\\b(?:${words((r) => r.anaphors)})\\b`, 'iu'),
    // A party named only by what it is: "developed and invested in by a Chinese company".
    describedParty: new RegExp(
      `^\\s+((?:${party((d) => d.articles)})\\s+${optional(party((d) => d.sizes))}(?:${chinese})\\s+${optional(party((d) => d.stateOwned))}(?:${party((d) => d.nouns)})|(?:${party((d) => d.articles)})\\s+(?:${party((d) => d.nounsBefore)})\\s+${optional(party((d) => d.stateOwnedBefore))}(?:${chinese}))(?![\\p{L}])`,
      'iu',
    ),
    // "is located in", "ubicado en", "localizado em": the country or place after it is where the project is.
    locatedCue: new RegExp(
      words((r) => r.located),
      'iu',
    ),
    // "Chancay Port in Peru", "planta en México", "puerto de Chancay, al norte de Lima": a place right after.
    placeAfter: new RegExp(
      `^(?:[^.;:]*?)(?:\\s|,)(?:${words((r) => r.placeLinks)})\\s+(?:(?:${words((r) => r.placeArticles)})\\s+)?$|^$`,
      'iu',
    ),
    // Cue words before the plan, programme or mechanism a project belongs to: "as part of the Belt and Road
    // Initiative", "under the framework of", "en el marco del Plan de Acción Conjunto", "no âmbito da Iniciativa
    // Cinturão e Rota", "one of the Five Major Projects". An article and an opening quote may follow the cue.
    partOfCue: new RegExp(
      `(?<![\\p{L}])(?:${words((r) => r.partOf)})\\s+(?:(?:${words((r) => r.partOfArticles)})\\s+)?["“«]?$`,
      'iu',
    ),
  };
});

/** The matches of a global pattern inside a sentence. */
function cueMatches(pattern: RegExp, text: string, sentence: Span) {
  const body = text.slice(sentence.start, sentence.end);
  return [...body.matchAll(pattern)].map((m) => ({ m, at: sentence.start + (m.index ?? 0) }));
}

const isParty = (e: SentenceEntity) => e.type === 'organization' || e.type === 'mechanism';
const isFramework = (e: SentenceEntity) => e.type === 'policy' || e.type === 'mechanism';

/** The project a sentence speaks of at `at`: one named in it (nearest before, else after), or the one an anaphor refers to. */
function projectAt(
  languages: Languages,
  text: string,
  sentence: Span,
  entities: SentenceEntity[],
  at: number,
  last: SentenceEntity | null,
): SentenceEntity | null {
  const projects = entities.filter((e) => e.type === 'project');
  const before = projects.filter((p) => p.end <= at).at(-1);
  const after = projects.find((p) => p.start >= at);
  if (before ?? after) return before ?? after ?? null;
  return last && relationsOf(languages).anaphor.test(text.slice(sentence.start, sentence.end)) ? last : null;
}

function relationClaim(
  text: string,
  project: SentenceEntity,
  property: string,
  value: string,
  span: Span,
  time: string | null,
  rule: string,
): ExtractedClaim {
  return {
    subject: project.name,
    subjectType: 'project',
    subjectId: project.id,
    property,
    value,
    unit: null,
    currency: null,
    qualifier: null,
    time,
    quote: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    rule,
  };
}

/**
 * The plans, programmes and mechanisms a sentence says a project is part of: a policy or mechanism right after a
 * cue ("as part of the", "en el marco del", "no âmbito da"); the project is the one nearest before the cue, else
 * after it, else the one an anaphor refers to.
 */
function partOfClaims(
  languages: Languages,
  text: string,
  sentence: Span,
  entities: SentenceEntity[],
  last: SentenceEntity | null,
): ExtractedClaim[] {
  return entities.filter(isFramework).flatMap((target) => {
    const window = text.slice(Math.max(sentence.start, target.start - 60), target.start);
    const cue = relationsOf(languages).partOfCue.exec(window);
    if (!cue) return [];
    const at = target.start - window.length + cue.index;
    const project = projectAt(languages, text, sentence, entities, at, last);
    if (!project) return [];
    const start = project.start === project.end ? at : Math.min(project.start, at);
    const end = Math.max(target.end, project.end);
    // A project far from the cue is not what the sentence places in the plan.
    if (end - start > 240) return [];
    return [relationClaim(text, project, 'part_of', target.name, { start, end }, null, 'relation:part_of')];
  });
}

/**
 * The relations and statuses one sentence states about a project (a status carries the sentence's time, a
 * party relation none: "financed by X in 2016" dates the sentence, not the tie): who builds it (contractor), pays for it
 * (investor), lends for it (lender) or runs it (operator) from cue words before the party's name ("built by",
 * "financiado por el banco chino Eximbank"); the plan or mechanism it is part of (part_of); where it is (a country or place right after it: "in Peru", "en
 * México"); and its lifecycle stage from status words. `last` is the project the text spoke of before, which an
 * anaphor ("la obra", "the project") refers to.
 */
export function findRelations(
  languages: Languages,
  text: string,
  sentence: Span,
  entities: SentenceEntity[],
  time: string | null,
  last: SentenceEntity | null,
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  const {
    anaphor,
    partyCues,
    partyAfter,
    partyCueAlternatives,
    describedParty,
    locatedCue,
    placeAfter,
    statusWords,
  } = relationsOf(languages);
  // Every relation is about a project: a sentence that names none and refers to none has nothing to say.
  const hasProject = entities.some((e) => e.type === 'project');
  if (!hasProject && !(last && anaphor.test(text.slice(sentence.start, sentence.end)))) return claims;
  const seen = new Set<string>();
  const push = (c: ExtractedClaim) => {
    const key = `${c.subject}\u001f${c.property}\u001f${String(c.value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    claims.push(c);
  };
  for (const party of entities.filter(isParty)) {
    const window = text.slice(Math.max(sentence.start, party.start - 80), party.start);
    for (const [property, cue] of partyCues) {
      const m = cue.exec(window);
      if (!m) continue;
      const cueStart = party.start - window.length + m.index;
      const project = projectAt(languages, text, sentence, entities, cueStart, last);
      if (project)
        push(
          relationClaim(
            text,
            project,
            property,
            party.name,
            { start: cueStart, end: party.end },
            null,
            `relation:${property}`,
          ),
        );
    }
  }
  for (const { m, at } of cueMatches(partyCueAlternatives, text, sentence)) {
    const party = describedParty.exec(
      text.slice(at + m[0].length, Math.min(sentence.end, at + m[0].length + 60)),
    );
    const said = party?.[1];
    if (!party || !said) continue;
    const property = partyAfter.find(([, cue]) => new RegExp(`^(?:${cue.source})$`, 'iu').test(m[0]))?.[0];
    const project = property && projectAt(languages, text, sentence, entities, at, last);
    if (!property || !project) continue;
    const end = at + m[0].length + party[0].length;
    push(relationClaim(text, project, property, said, { start: at, end }, null, `relation:${property}`));
  }
  for (const c of partOfClaims(languages, text, sentence, entities, last)) push(c);
  const locate = (project: SentenceEntity, where: SentenceEntity, span: Span) =>
    push(relationClaim(text, project, 'located_in', where.name, span, null, 'relation:located_in'));
  const located = locatedCue.exec(text.slice(sentence.start, sentence.end));
  if (located) {
    const at = sentence.start + located.index;
    const project = projectAt(languages, text, sentence, entities, at, last);
    const where = entities.find((e) => (e.type === 'country' || e.type === 'place') && e.start >= at);
    if (project && where)
      locate(project, where, {
        start: Math.min(project.start === project.end ? at : project.start, at),
        end: where.end,
      });
  }
  for (const project of entities.filter((e) => e.type === 'project')) {
    // "Chancay Port in Peru", "planta en México", "puerto de Chancay, al norte de Lima": a place right after.
    const place = entities.find(
      (e) =>
        (e.type === 'country' || e.type === 'place') &&
        e.start >= project.start &&
        e.start - project.end <= 30 &&
        placeAfter.test(text.slice(project.end, e.start)),
    );
    const inside = entities.find(
      (e) => (e.type === 'country' || e.type === 'place') && e.start >= project.start && e.end <= project.end,
    );
    const where = inside ?? place;
    if (where) locate(project, where, { start: project.start, end: Math.max(project.end, where.end) });
  }
  const body = text.slice(sentence.start, sentence.end);
  for (const [status, pattern] of statusWords) {
    const m = pattern.exec(body);
    if (!m) continue;
    const at = sentence.start + m.index;
    const project = projectAt(languages, text, sentence, entities, at, last);
    if (!project) continue;
    const start = Math.min(at, project.start);
    const end = Math.max(at + m[0].length, project.end);
    // Keep the evidence to the clause that joins them: a status word far from its project is not evidence.
    if (end - start > 240) continue;
    push(relationClaim(text, project, 'status', status, { start, end }, time, `status:${status}`));
    break;
  }
  return claims;
}
