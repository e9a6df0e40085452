import { bodiesById } from './bodies.js';
import { perLanguages, type Languages } from './lang/languages.js';
import { languagesOf, type Lexicon } from './lexicon.js';
import type { FunderWords, GivingVerb } from './lang/pack.js';
import type { SentenceEntity } from './subjects.js';
import type { ExtractedClaim, Span } from './types.js';

/**
 * Who gives the money or the goods: "China Eximbank provides $62.187 million buyer's credit loan for ...", "ICBC
 * contributes $75 million to $150 million syndicated loan", "Chinese Government provides RMB 420 million grant",
 * "Chinese Embassy in Peru grants 56 boxes of medical supplies", "China donates 63 vehicles", "el Gobierno chino
 * donó", "o Banco da China emprestou". A party (an organization or mechanism; a country, alone or as its
 * government, embassy, consulate or ambassador; a city or province as its government) right before a verb of
 * giving or lending is the project's lender when what it gives is a loan or a credit, else its donor.
 */

const givingVerbs: GivingVerb[] = ['lend', 'donate', 'finance', 'grant', 'hand', 'other'];

/** The words of lending and giving in every language, composed once. */
const fundersOf = perLanguages((languages) => {
  const words = (pick: (f: FunderWords) => readonly string[]) =>
    languages.union((p) => pick(p.funders)).join('|') || '(?!)';
  const optional = (source: string) => (source === '(?!)' ? '' : `(?:${source})?`);
  const scale = `(?:\\s*(?:${words((f) => f.moneyScales)}))?`;
  const before = [
    '(?:US|EC|TT|J|BDS|R|A|C|NZ|HK)?\\$|USD|RMB|CNY|EUR|XCD|GYD|JMD|TTD|BBD',
    ...languages.union((p) => p.funders.moneyBefore),
    '¥|€',
  ];
  const after = ['USD|RMB|CNY|EUR|XCD', ...languages.union((p) => p.funders.moneyAfter)];
  // Figures of money given, then the packs' words of money ("financing", "recursos").
  const money = `(?:${before.join('|')})\\s?\\d[\\d.,]*${scale}|\\d[\\d.,]*${scale}\\s*(?:\\p{Lu}\\p{Ll}+\\s+){0,2}(?:${after.join('|')})|${words((f) => f.given.money)}`;
  const articles = words((f) => f.articles);
  const links = words((f) => f.stationedLinks);
  const possessive = optional(words((f) => f.possessives));
  return {
    // Words that may stand between the party and its verb: "China will provide", "China agreed to donate". A bare
    // "to" is left out: in "a loan to the Government of Paraguay to finance" the party is the borrower.
    verbs: new RegExp(
      `\\s+((?:(?:${words((f) => f.auxiliaries)})\\s+)*)(?:${givingVerbs.map((v) => `(${words((f) => f.verbs[v])})`).join('|')})(?![\\p{L}])`,
      'giu',
    ),
    // English verbs in their bare form: after one party with no "will" or "agreed to" before them they are nouns
    // ("a MOFCOM grant", "IDB lending"), not verbs.
    bareVerb: new RegExp(`^(?:${words((f) => f.bareVerbs)})$`, 'iu'),
    modal: new RegExp(`(?:${words((f) => f.modals)})\\s+$`, 'iu'),
    // What is given, nearest the verb first: a loan or a credit; a grant, aid or a donation; money or financing;
    // goods and people sent (equipment, supplies, a medical team, scholarships).
    objectWord: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:(${words((f) => f.given.loan)})|(${words((f) => f.given.grant)})|(${money})|(${words((f) => f.given.goods)}))(?![\\p{L}])`,
      'giu',
    ),
    // What a state grants or hands over that is no aid: "grants a concession", "provides market access", "sends a letter".
    notAid: new RegExp(`(?<![\\p{L}])(?:${words((f) => f.notAid)}|\\d+(?:[.,]\\d+)?\\s*%)(?![\\p{L}])`, 'iu'),
    // What a party may give that makes it no lender nor donor although a loan follows: "issued a corporate guarantee
    // in support of the loan", "provided insurance for 95% of the buyer's credit", "made an investment ... and a B loan".
    otherRole: new RegExp(`(?<![\\p{L}])(?:${words((f) => f.otherRoles)})(?![\\p{L}])`, 'iu'),
    // "CDB loan for construction of ...", "ICBC loan of Ps. 500 million": an organization's loan.
    ownLoan: new RegExp(
      `\\s+(?:${words((f) => f.ownLoans)})\\s+(?:${words((f) => f.ownLoanLinks)})(?![\\p{L}])`,
      'giu',
    ),
    // A country as its state: "Chinese Government", "China's Embassy in Peru", "the Chinese embassy".
    stateTail: new RegExp(
      `^${possessive}\\s+(?:(?:${words((f) => f.stateQualifiers)})\\s+)?(?:${words((f) => f.stateAfter)})((?:\\s+(?:${links})\\s+.{1,40})?)$`,
      'iu',
    ),
    // Where an embassy or a consulate is: a name, "Trinidad and Tobago", "the Bahamas", "Sao Paulo".
    stationedIn: new RegExp(
      `^(?:\\s+(?:${links})\\s+${optional(`(?:${words((f) => f.stationedArticles)})\\s+`)}\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:${words((f) => f.nameJoiners)}|&)\\s+)?\\p{Lu}[\\p{L}'’.-]*)*)?$`,
      'u',
    ),
    // The head of a state's name: "Government of China", "Embassy of China", "el Gobierno de China", "Governo da China".
    stateHead: new RegExp(
      `(?:^|\\s)((?:(?:${articles})\\s+)?(?:${words((f) => f.stateOf)})\\s+(?:${words((f) => f.of)})\\s+(?:(?:${words((f) => f.ofArticles)})\\s+)?)$`,
      'iu',
    ),
    // A country as its state, written after it: "el Gobierno chino" is the Chinese government.
    stateBefore: new RegExp(
      `(?:^|\\s)((?:(?:${articles})\\s+)?(?:${words((f) => f.stateBefore)})\\s+)$`,
      'iu',
    ),
    // A city or province as its government: "Shanghai Municipal Government", "Jiangsu Provincial People's
    // Government", "Gansu Province", "Chengdu, China".
    placeTail: new RegExp(
      `^${possessive}(?:\\s+(?:${words((f) => f.placeQualifiers)})){0,3}\\s+(?:${words((f) => f.placeBodies)})$|^,\\s+China$`,
      'iu',
    ),
    placeHead: new RegExp(`(?:^|\\s)((?:${words((f) => f.placeOf)})\\s+)$`, 'iu'),
    // What may stand before a party: the start of the sentence or a clause, an article, a bracket, a possessive country.
    partyBoundary: new RegExp(`(?:[,;:\\]({}]|(?:^|\\s)(?:${words((f) => f.partyBoundary)}|&))\\s*$`, 'u'),
    // The words that join parties given together: "CDB, BoC, and ABC provide", "Bank of China and Deutsche Bank".
    coordination: new RegExp(
      `(?:\\s*,\\s*(?:(?:${words((f) => f.joiners)}|&)\\s+)?|\\s+(?:${words((f) => f.joiners)}|&)\\s+)(?:(?:${articles})\\s+)?$`,
      'u',
    ),
    joinedNames: new RegExp(`\\s(?:${words((f) => f.joiners)}|&)\\s+(?=\\p{Lu})`, 'gu'),
    article: new RegExp(`^(?:${articles})\\s+`, 'iu'),
    ofArticle: new RegExp(`(?:^|\\s)(?:${words((f) => f.of)})\\s+(?:${articles})\\s*$`, 'iu'),
    isBank: new RegExp(`(?<![\\p{L}])(?:${words((f) => f.banks)})(?![\\p{L}])`, 'iu'),
    // An organization that is part of a state: a ministry, an agency, a municipal or provincial government.
    isStateBody: new RegExp(`(?<![\\p{L}])(?:${words((f) => f.stateBodies)})(?![\\p{L}])`, 'iu'),
  };
});

// What may follow an organization's name before the verb: its branch or unit, its legal form, an acronym.
const orgTail =
  /^\.?(?:,?\s+(?:Co\.?|Ltd\.?|Limited|Inc\.?|S\.A\.?|Corp\.?|Corporation|Company|Group|Holdings|Leasing|Asia|International|Hong\s+Kong|Macau|Branch|Brasil|Brazil|Peru|Per[uú]|Chile|Argentina|M[eé]xico|Mexico|Engineering|\([\p{Lu}\p{N}&. -]{2,12}\))){0,5}\.?$/u;
const legalTail = /^\.?(?:,?\s+(?:Co\.?|Ltd\.?|Limited|Inc\.?|S\.A\.?|Corp\.?)|\s+\([^()]{1,30}\))*\.?$/u;
const legalWords = /^(?:(?:Co|Ltd|Limited|Inc|S\.A|Corp|Corporation|Company|Group|Holdings?)\.?,?\s*)+$/u;
type FunderRole = 'lender' | 'donor';

/** A party named right before `end`: its span as written, the registry id of what it is, and what kind it is. */
interface Party extends Span {
  id: string | null;
  /** a state is a country or a city or province acting as its government; a bank lends */
  kind: 'state' | 'bank' | 'body';
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const written = new Map<string, RegExp>();
/** Whether a country's mention writes its name ("China", "People's Republic of China"), not a demonym ("Chinese"). */
const nameWritten = (name: string): RegExp => {
  let re = written.get(name);
  if (!re) written.set(name, (re = new RegExp(`(?<![\\p{L}])${escaped(name)}(?![\\p{L}])`, 'iu')));
  return re;
};
/** What kind of party an organization or mechanism is: a bank, a part of a state, or another body. */
function bodyKind(lexicon: Lexicon, id: string | null, written: string): Party['kind'] {
  const { isBank, isStateBody } = fundersOf(languagesOf(lexicon));
  const bodies = bodiesById(lexicon);
  const known = id ? bodies.get(id) : undefined;
  const names = `${known?.name ?? ''} ${written}`;
  if (isBank.test(names) || /bank/iu.test(known?.kind ?? '')) return 'bank';
  if (isStateBody.test(names) || /government|ministry/iu.test(known?.kind ?? '')) return 'state';
  return 'body';
}
const rank = (e: SentenceEntity) =>
  e.type === 'organization' || e.type === 'mechanism' ? (e.id ? 0 : 1) : e.type === 'country' ? 3 : 2;

/**
 * The party whose name ends at `end` (spaces before it aside): the earliest-starting reading of an organization,
 * a mechanism, a country or a city or province that stands after a boundary (the sentence's start, a comma, an
 * article, "and"), with only what its kind allows between the entity and `end`.
 */
function partyEndingAt(
  lexicon: Lexicon,
  text: string,
  sentence: Span,
  entities: SentenceEntity[],
  end: number,
): Party | null {
  const {
    joinedNames,
    stationedIn,
    stateHead,
    stateBefore,
    stateTail,
    placeHead,
    placeTail,
    article: leadingArticle,
    ofArticle,
    partyBoundary,
  } = fundersOf(languagesOf(lexicon));
  const isStateTail = (rest: string) => {
    const m = stateTail.exec(rest);
    return m !== null && stationedIn.test(m[1] ?? '');
  };
  const found: (Party & { rank: number })[] = [];
  for (const e of entities) {
    if (e.end > end || end - e.end > 80 || e.start < sentence.start) continue;
    const rest = text.slice(e.end, end);
    const before = text.slice(Math.max(sentence.start, e.start - 60), e.start);
    let start = e.start;
    let kind: Party['kind'] | null = null;
    if (e.type === 'organization' || e.type === 'mechanism') {
      // An unlisted name that joins two ("CDB and China CITIC Bank") is the last of them; one of legal words
      // alone ("Holdings Ltd") is no name.
      const written = text.slice(e.start, e.end);
      const joined = e.id
        ? null
        : [...written.matchAll(joinedNames)]
            .filter((m) => entities.some((o) => o.id && o.start >= e.start && o.end === e.start + m.index))
            .at(-1);
      if (joined) start += joined.index + joined[0].length;
      const own = text.slice(start, e.end);
      if (!e.id && legalWords.test(own)) continue;
      if (rest === '' || (e.id ? orgTail : legalTail).test(rest)) kind = bodyKind(lexicon, e.id, own);
    } else if (e.type === 'country') {
      // "Government of China", "la Embajada de China en Bolivia", "el Gobierno chino".
      const head = stationedIn.test(rest) ? (stateHead.exec(before) ?? stateBefore.exec(before)) : null;
      if (head?.[1]) start = e.start - head[1].length;
      // "China donates", but not "Chinese loans": a demonym alone is no party.
      const named = nameWritten(e.name).test(text.slice(e.start, e.end));
      if (head || (rest === '' && named) || isStateTail(rest)) kind = 'state';
    } else if (e.type === 'place') {
      const head = rest === '' ? placeHead.exec(before) : null;
      if (head?.[1]) start = e.start - head[1].length;
      if (head || placeTail.test(rest)) kind = 'state';
    }
    if (!kind) continue;
    // "The Chinese Embassy": the article is not the party's name.
    const article = leadingArticle.exec(text.slice(start, e.end));
    if (article && start < e.start) start += article[0].length;
    // "the Overseas Chinese Affairs Office of the State Council": the State Council is not the party (but a
    // "Ministry of National Defense of the People's Republic of China" is a part of that country's state).
    if (e.type !== 'country' && ofArticle.test(text.slice(Math.max(sentence.start, start - 12), start)))
      continue;
    // Looked for in the few characters before the party: a huge sentence stays linear.
    const lead = text.slice(Math.max(sentence.start, start - 30), start);
    if (!(partyBoundary.test(lead) || (start - sentence.start <= 30 && lead.trim() === ''))) continue;
    found.push({
      start,
      end,
      id: start === e.start || e.type !== 'organization' ? e.id : null,
      kind,
      rank: rank(e),
    });
  }
  found.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const best = found[0];
  return best ? { start: best.start, end: best.end, id: best.id, kind: best.kind } : null;
}

/** The parties given together before `end`: "CDB, BoC, and ABC", "China Construction Bank and ICBC". */
function partiesEndingAt(
  lexicon: Lexicon,
  text: string,
  sentence: Span,
  entities: SentenceEntity[],
  end: number,
): Party[] {
  const { coordination } = fundersOf(languagesOf(lexicon));
  const parties: Party[] = [];
  let at = end;
  for (;;) {
    const party = partyEndingAt(lexicon, text, sentence, entities, at);
    if (!party) break;
    parties.unshift(party);
    const joined = coordination.exec(text.slice(Math.max(sentence.start, party.start - 12), party.start));
    if (!joined) break;
    at = party.start - joined[0].length;
  }
  return parties;
}

/** What the words after a verb say is given, each as where its first word ends: a loan, a grant, money, goods. */
interface Given {
  loan?: number;
  grant?: number;
  money?: number;
  goods?: number;
  /** something given that is no aid nor money lent: a concession, a licence, market access, a letter */
  notAid: boolean;
}

/** What is given in the verb's clause, before a bracketed note: "$62.187 million buyer's credit loan". */
function givenAfter(languages: Languages, text: string, from: number, to: number): Given {
  const { otherRole, notAid, objectWord } = fundersOf(languages);
  let window = text.slice(from, to).replace(/[;([{].*$/su, '');
  // Only what comes before a guarantee, insurance or an investment is given by the party.
  const other = otherRole.exec(window);
  if (other) window = window.slice(0, other.index);
  const given: Given = { notAid: notAid.test(window) || other !== null };
  const kinds = ['loan', 'grant', 'money', 'goods'] as const;
  for (const m of window.matchAll(objectWord))
    kinds.forEach((kind, i) => {
      if (m[i + 1]) given[kind] ??= from + m.index + m[0].length;
    });
  return given;
}

/**
 * The role of a party before a verb of this group (1 lend, 2 donate, 3 finance, 4 grant, 5 hand over, 6 other)
 * given what follows, and the end of the words that tell it; null when nothing tells. A loan or credit makes a
 * lender, a grant, aid or donation a donor; money makes a bank a lender and a state a donor; goods or people
 * make a state a donor; a state that grants or hands over what is no aid (a concession, access) is no donor.
 */
function roleOf(group: number, party: Party, g: Given): { role: FunderRole; end: number | undefined } | null {
  if (group === 1) return { role: 'lender', end: g.loan ?? g.money };
  if (group === 2) return { role: 'donor', end: g.grant ?? g.goods ?? g.money };
  if (g.loan !== undefined) return { role: 'lender', end: g.loan };
  if (g.grant !== undefined) return { role: 'donor', end: g.grant };
  if (group === 3) {
    if (party.kind === 'bank') return { role: 'lender', end: g.money };
    return party.kind === 'state' ? { role: 'donor', end: g.money ?? g.goods } : null;
  }
  if (g.notAid) return null;
  if (g.money !== undefined) {
    if (party.kind === 'bank') return { role: 'lender', end: g.money };
    if (party.kind === 'state' || group === 4) return { role: 'donor', end: g.money };
    return null;
  }
  if (party.kind !== 'state') return null;
  if (g.goods !== undefined) return { role: 'donor', end: g.goods };
  return group === 4 || group === 5 ? { role: 'donor', end: undefined } : null;
}

/** The first index of a list sorted by `key` whose key is at least `at`. */
function firstFrom<T>(list: T[], key: (t: T) => number, at: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid] as T) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The lenders and donors a sentence names: parties right before a verb of lending, giving or financing ("CDB
 * provides $750 million loan to BNDES", "China donates 63 vehicles to Peru", "el Gobierno chino donó"), or an
 * organization's own loan ("ICBC loan of Ps. 500 million"). Lending verbs make a lender, donating verbs a donor;
 * after a verb of financing or giving, what is given tells the role (`roleFromObject`), and a bank that finances
 * lends while a state that finances gives. Each claim is about the project the sentence names after the verb
 * (else anywhere in it, else the project the document is about: `about`; else there is no claim); its value is the party as written, with the registry id of what it is when
 * known (a country for its government or embassy, a city or province for its government), and its evidence runs
 * from the party to the words that tell the role.
 */
export function findFunders(
  lexicon: Lexicon,
  text: string,
  sentence: Span,
  entities: SentenceEntity[],
  about: SentenceEntity | null = null,
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  if (!entities.some((e) => e.type !== 'project' && e.type !== 'person')) return claims;
  const body = text.slice(sentence.start, sentence.end);
  // Only the entities near a verb can be its party: a window by position keeps a huge sentence linear.
  const byEnd = [...entities].sort((a, b) => a.end - b.end);
  const near = (at: number) =>
    byEnd.slice(
      firstFrom(byEnd, (e) => e.end, at - 200),
      firstFrom(byEnd, (e) => e.end, at + 1),
    );
  const projects = entities.filter((e) => e.type === 'project');
  const projectAfter = (at: number) =>
    projects[firstFrom(projects, (p) => p.start, at)] ?? projects[0] ?? about;
  const seen = new Set<string>();
  const push = (party: Party, role: FunderRole, end: number, at: number, rule: string) => {
    const value = text.slice(party.start, party.end).replace(/[\s,.]+$/u, '');
    const key = `${role}\u001f${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    const project = projectAfter(at);
    // Every funder gives to a project: a sentence that names none, in a document about none, has nothing to say.
    if (!project) return;
    claims.push({
      subject: project.name,
      subjectType: 'project',
      subjectId: project.id,
      property: role,
      value,
      valueId: party.id,
      unit: null,
      currency: null,
      qualifier: null,
      time: null,
      quote: text.slice(party.start, end),
      start: party.start,
      end,
      rule,
    });
  };
  const { verbs, bareVerb, modal, ownLoan } = fundersOf(languagesOf(lexicon));
  for (const verb of body.matchAll(verbs)) {
    const at = sentence.start + verb.index;
    const verbEnd = at + verb[0].length;
    const group = [1, 2, 3, 4, 5, 6].find((g) => verb[g + 1] !== undefined) ?? 6;
    const parties = partiesEndingAt(lexicon, text, sentence, near(at), at);
    const word = verb[group + 1] ?? '';
    if (bareVerb.test(word) && !modal.test(verb[1] ?? '') && parties.length < 2) continue;
    const given = givenAfter(languagesOf(lexicon), text, verbEnd, Math.min(sentence.end, verbEnd + 120));
    for (const party of parties) {
      const found = roleOf(group, party, given);
      if (found)
        push(party, found.role, Math.max(verbEnd, found.end ?? 0), at, `relation:${found.role}:gives`);
    }
  }
  for (const loan of body.matchAll(ownLoan)) {
    const at = sentence.start + loan.index;
    for (const party of partiesEndingAt(lexicon, text, sentence, near(at), at))
      if (party.kind !== 'state') push(party, 'lender', at + loan[0].length, at, 'relation:lender:own-loan');
  }
  return claims;
}
