import { COMPANY_DESCRIBERS, COMPANY_NOUNS } from './name-cues.js';
import type { SentenceEntity } from './subjects.js';
import type { ExtractedClaim, Span } from './types.js';

/** A project's lifecycle stage, as the contract's `status` value. */
export type ProjectStatus =
  | 'announced'
  | 'signed'
  | 'under_construction'
  | 'operational'
  | 'completed'
  | 'expanded'
  | 'suspended'
  | 'cancelled';

// Status words in en/es/pt, most specific first (so "began operations" is not read as "began").
const statusWords: [ProjectStatus, RegExp][] = [
  [
    'cancelled',
    /\b(?:cancel(?:l)?ed|scrapped|abandoned)\b|cancelad[oa]s?|desistid[oa]|abandonad[oa]|descartad[oa]/iu,
  ],
  [
    'suspended',
    /\b(?:suspended|halted|stalled|paused|on hold)\b|suspendid[oa]s?|paralizad[oa]s?|paralisad[oa]s?|suspens[oa]s?|detenid[oa]s?|interrumpid[oa]s?/iu,
  ],
  [
    'operational',
    /\b(?:inaugurated|inauguration|began operati(?:ons?|ng)|starts? operati(?:ons?|ng)|started operati(?:ons?|ng)|entered (?:into )?(?:operation|service)|came into operation|in operation|commissioned|opened)\b|inaugur(?:ó|ado|ada|ados|adas|ou|aram)|entr(?:ó|aron|ou|aram)\s+en\s+operaci[oó]n|entr(?:ou|aram)\s+em\s+opera[cç][aã]o|en\s+operaci[oó]n|em\s+opera[cç][aã]o|comenz[oó]\s+a\s+operar|começou\s+a\s+operar|puest[oa]\s+en\s+marcha/iu,
  ],
  [
    'completed',
    /\b(?:completed|finished|concluded)\b|conclu[ií]d[oa]s?|conclu[ií]u|terminad[oa]s?|finalizad[oa]s?|culminad[oa]s?|complet(?:ó|ado|ada|ou)/iu,
  ],
  [
    'expanded',
    /\b(?:expanded|expansion|renovated|renovation|restored|modernized|modernised|upgraded|rehabilitated)\b|ampliaci[oó]n|ampliad[oa]|amplia[cç][aã]o|expans[aã]o|renovad[oa]|renovaci[oó]n|restaurad[oa]|moderniza(?:d[oa]|ci[oó]n|[cç][aã]o)|rehabilitad[oa]/iu,
  ],
  [
    'under_construction',
    /\b(?:under construction|being built|broke ground|groundbreaking|construction (?:began|started|work)|works? began)\b|en\s+construcci[oó]n|em\s+constru[cç][aã]o|se\s+construye|est[aá]\s+siendo\s+construid[oa]|primera\s+piedra|pedra\s+fundamental|inici[oó]\s+la\s+construcci[oó]n|in[ií]cio\s+das\s+obras|avance\s+de\s+obra|obras\s+(?:de|del)\b/iu,
  ],
  [
    'signed',
    /\b(?:signed|inked)\b|firm(?:ó|aron|ado|ada)|suscri(?:bió|bieron|to|ta)|assin(?:ou|aram|ado|ada|atura)|firma\s+del?\s+(?:acuerdo|contrato|convenio)/iu,
  ],
  [
    'announced',
    /\b(?:announced|unveiled|planned|proposed|will build|plans to build)\b|anunci(?:ó|aron|ado|ada|ou|aram)|proyectad[oa]|previst[oa]|planead[oa]|planejad[oa]|propuest[oa]|construir[aá]|construirá/iu,
  ],
];

type RelationProperty = 'contractor' | 'investor' | 'lender' | 'operator';

// Cue words that name the party of a project after them ("built by X", "financiado por el X").
const partyAfter: [RelationProperty, RegExp][] = [
  [
    'contractor',
    /(?:\b(?:built|constructed|being built|executed|carried out)\s+by|construid[oa]s?\s+por|constru[ií]d[oa]s?\s+pel[oa]s?|ejecutad[oa]s?\s+por|executad[oa]s?\s+pel[oa]s?|contratista|empreiteira|\bcontractor)/iu,
  ],
  [
    'lender',
    /(?:\b(?:financed|funded|bankrolled)\s+by|\bloans?\s+(?:from|by)|\bcredit\s+from|financiad[oa]s?\s+por|financiad[oa]s?\s+pel[oa]s?|préstamos?\s+(?:del?|otorgados?\s+por)|créditos?\s+(?:del?|otorgados?\s+por)|empréstimos?\s+(?:d[oa]|concedidos?\s+pel[oa])|como\s+prestamista\s+act[uú]a|prestamista)/iu,
  ],
  [
    'investor',
    /(?:\b(?:invested in by|developed and invested in by|owned by|controlled by|developed by|investment (?:from|by))|propiedad\s+de|controlad[oa]s?\s+por|desarrollad[oa]s?\s+por|desenvolvid[oa]s?\s+pel[oa]s?|inversi[oó]n\s+de|investimento\s+d[oa]|de\s+propriedade\s+d[oa])/iu,
  ],
  [
    'operator',
    /(?:\b(?:operated|run|managed)\s+by|\boperator|operad[oa]s?\s+por|operad[oa]s?\s+pel[oa]s?|administrad[oa]s?\s+por|gestionad[oa]s?\s+por|operador[a]?)/iu,
  ],
];
// What may stand between a cue and the party's name: an article and a describer ("la empresa china").
const DESCRIBER = String.raw`(?:(?:the|a|an|el|la|los|las|o|os|as|un|una|um|uma)\s+)?(?:(?:${COMPANY_NOUNS}|${COMPANY_DESCRIBERS})\s+){0,3}`;
const partyCueAlternatives = new RegExp(partyAfter.map(([, cue]) => `(?:${cue.source})`).join('|'), 'giu');

/** The matches of a global pattern inside a sentence. */
function cueMatches(pattern: RegExp, text: string, sentence: Span) {
  const body = text.slice(sentence.start, sentence.end);
  return [...body.matchAll(pattern)].map((m) => ({ m, at: sentence.start + (m.index ?? 0) }));
}

const partyCues = partyAfter.map(
  ([property, cue]) => [property, new RegExp(`(?:${cue.source})\\s+${DESCRIBER}$`, 'iu')] as const,
);
const anaphor =
  /\b(?:the (?:project|port|plant|dam|line|work|works|terminal|factory|park|railway|bridge|airport|metro)|(?:la|esta|dicha) (?:obra|planta|represa|central|línea|terminal|fábrica|hidroeléctrica|mina|carretera)|(?:el|este|dicho) (?:proyecto|puerto|parque|aeropuerto|metro|puente|tren|megapuerto|complejo)|(?:o|este) (?:projeto|porto|parque|aeroporto|complexo|empreendimento)|(?:a|esta) (?:obra|usina|fábrica|linha|ponte|ferrovia|hidrelétrica))\b/iu;

const isParty = (e: SentenceEntity) => e.type === 'organization' || e.type === 'mechanism';
// A party named only by what it is: "developed and invested in by a Chinese company".
const describedParty =
  /^\s+((?:an?|una?|uma)\s+(?:(?:state-owned|large|major)\s+)?(?:Chinese|chin[ae]s[ae]?|chin[oa])\s+(?:state-owned\s+)?(?:company|firm|consortium|bank|group|enterprise|contractor|empresa|compañía|companhia|consorcio|consórcio|banco|estatal)|(?:an?|una?|uma)\s+(?:empresa|compañía|companhia|consorcio|consórcio|banco)\s+(?:estatal\s+)?(?:chin[ae]s[ae]?|chin[oa]|china))(?![\p{L}])/iu;
// "is located in", "ubicado en", "localizado em": the country or place after it is where the project is.
const locatedCue =
  /\b(?:located|situated|sited|based)\s+(?:in|within|at|near|on)\b|\b(?:ubicad[oa]|situad[oa]|localizad[oa]|localizad[oa])\s+(?:en|em|no|na|cerca)\b/iu;

// Cue words before the plan, programme or mechanism a project belongs to: "as part of the Belt and Road
// Initiative", "under the framework of", "en el marco del Plan de Acción Conjunto", "no âmbito da Iniciativa
// Cinturão e Rota", "one of the Five Major Projects". An article and an opening quote may follow the cue.
const partOfCue =
  /(?<![\p{L}])(?:(?:as\s+|is\s+)?(?:a\s+|one\s+)?part\s+of|(?:under|within|in)\s+the\s+(?:framework|context)\s+of|under|one\s+of|(?:en\s+el|dentro\s+del|no|dentro\s+do)\s+marco\s+d(?:el?|[oa]s?)|(?:como\s+|(?:es|forma|faz)\s+)?parte\s+d(?:el?|[oa]s?)|dentro\s+de(?:l)?|bajo|uno\s+de|una\s+de|no\s+âmbito\s+d[oa]s?|sob|um\s+dos|uma\s+das)\s+(?:(?:the|el|la|los|las|o|a|os|as)\s+)?["“«]?$/iu;
const isFramework = (e: SentenceEntity) => e.type === 'policy' || e.type === 'mechanism';

/** The project a sentence speaks of at `at`: one named in it (nearest before, else after), or the one an anaphor refers to. */
function projectAt(
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
  return last && anaphor.test(text.slice(sentence.start, sentence.end)) ? last : null;
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
  text: string,
  sentence: Span,
  entities: SentenceEntity[],
  last: SentenceEntity | null,
): ExtractedClaim[] {
  return entities.filter(isFramework).flatMap((target) => {
    const window = text.slice(Math.max(sentence.start, target.start - 60), target.start);
    const cue = partOfCue.exec(window);
    if (!cue) return [];
    const at = target.start - window.length + cue.index;
    const project = projectAt(text, sentence, entities, at, last);
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
  text: string,
  sentence: Span,
  entities: SentenceEntity[],
  time: string | null,
  last: SentenceEntity | null,
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
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
      const project = projectAt(text, sentence, entities, cueStart, last);
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
    const project = property && projectAt(text, sentence, entities, at, last);
    if (!property || !project) continue;
    const end = at + m[0].length + party[0].length;
    push(relationClaim(text, project, property, said, { start: at, end }, null, `relation:${property}`));
  }
  for (const c of partOfClaims(text, sentence, entities, last)) push(c);
  const locate = (project: SentenceEntity, where: SentenceEntity, span: Span) =>
    push(relationClaim(text, project, 'located_in', where.name, span, null, 'relation:located_in'));
  const located = locatedCue.exec(text.slice(sentence.start, sentence.end));
  if (located) {
    const at = sentence.start + located.index;
    const project = projectAt(text, sentence, entities, at, last);
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
        /^(?:[^.;:]*?)(?:\s|,)(?:in|en|em|no|na|de|del|da|do)\s+(?:(?:the|el|la|o|a)\s+)?$|^$/iu.test(
          text.slice(project.end, e.start),
        ),
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
    const project = projectAt(text, sentence, entities, at, last);
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
