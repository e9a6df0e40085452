import { attachTimes } from './attach-times.js';
import { setInDocument, type DocumentState, type ParagraphState, type StageOutput } from './document.js';
import type { EntityIndex } from './entity-index.js';
import { indicatorOf } from './indicators.js';
import { perLanguages, type Languages } from './lang/languages.js';
import type { MoneyKind } from './lang/pack.js';
import { findMultiplyVerbs, findQuantities, type Quantity } from './quantity.js';
import { saysFloor } from './qualifier.js';
import { subjectOf, subjectReach, type SentenceEntity } from './subjects.js';
import type { ExtractedClaim, Span } from './types.js';

const propertyOf: Record<Quantity['kind'], string> = {
  money: 'amount',
  power: 'capacity',
  energy: 'energy',
  voltage: 'voltage',
  length: 'length',
  area: 'area',
  teu: 'throughput',
  mass: 'volume',
  percent: 'share',
  duration: 'duration',
  jobs: 'jobs',
  count: 'count',
  multiple: 'growth_multiple',
};

// What a money figure is: a loan, an investment, a cost, trade, or just an amount, from the cue word nearest to
// it in its sentence (a cue before the figure wins a tie). Whole words only: "costa" is no cost.
const moneyKinds: MoneyKind[] = ['loan', 'investment', 'cost', 'trade'];
const moneyCuesOf = perLanguages((languages) =>
  moneyKinds.map(
    (kind) =>
      [
        new RegExp(
          `(?<![\\p{L}])(?:${languages.union((p) => p.money.kinds[kind]).join('|')})(?![\\p{L}])`,
          'giu',
        ),
        kind,
      ] as const,
  ),
);
function moneyProperty(languages: Languages, text: string, from: number, to: number, figure: Span): string {
  let best: { property: string; distance: number } | null = null;
  const window = text.slice(from, to);
  for (const [pattern, property] of moneyCuesOf(languages)) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      const at = from + m.index;
      const distance = at < figure.start ? figure.start - at : at - figure.end + 1;
      if (!best || distance < best.distance) best = { property, distance };
    }
  }
  return best?.property ?? 'amount';
}

function claimOf(text: string, q: Quantity, time: string | null): ExtractedClaim {
  return {
    subject: q.counted,
    subjectType: null,
    subjectId: null,
    property: propertyOf[q.kind],
    value: q.value,
    unit: q.unit,
    currency: q.currency,
    qualifier: q.qualifier,
    time,
    quote: text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    rule: q.rule,
  };
}

/** Sets what a claim is about; an aggregate becomes an indicator entity with its normalized label. */
function assignSubject(
  languages: Languages,
  text: string,
  sentence: Span,
  q: Quantity,
  claim: ExtractedClaim,
  inSentence: SentenceEntity[],
  index: EntityIndex,
) {
  const subject = subjectOf(languages, text, sentence, q, inSentence);
  if (!subject) return;
  // Who and where qualify a measure between its words and its figure ("the photovoltaic power capacity invested
  // by Chinese companies in Latin America quadrupled, rising from 363 MW"), so the indicator reads that stretch.
  // Looked for near the figure only: a search to the end of a huge sentence for every figure would be quadratic.
  const window = Math.max(sentence.start, q.start - 600);
  const at = text.slice(window, q.start).lastIndexOf(subject.name);
  const scope = at >= 0 ? text.slice(window + at, q.start) : subject.name;
  const indicator = subject.type === 'indicator' ? indicatorOf(languages, scope) : null;
  if (indicator) {
    const at = text.indexOf(subject.name, sentence.start);
    if (at >= 0 && at < sentence.end)
      index.add('indicator', indicator.label, indicator.id, { start: at, end: at + subject.name.length });
    Object.assign(claim, { subject: indicator.label, subjectType: 'indicator', subjectId: indicator.id });
  } else {
    Object.assign(claim, { subject: subject.name, subjectType: subject.type, subjectId: subject.id });
  }
}

/**
 * "Cosco Shipping will invest US$ 3.2 billion in the port of Chancay": an organization that invests or lends money
 * for a project the same sentence names after the figure is its investor or lender. The evidence runs from the
 * organization to the project.
 */
function fundingTie(
  text: string,
  claim: ExtractedClaim,
  inSentence: SentenceEntity[],
): ExtractedClaim | null {
  const role = claim.property === 'investment' ? 'investor' : claim.property === 'loan' ? 'lender' : null;
  if (!role || claim.subjectType !== 'organization' || !claim.subject) return null;
  const party = inSentence.filter((e) => e.name === claim.subject && e.end <= claim.start).at(-1);
  const project = inSentence.find(
    (e) => e.type === 'project' && e.start >= claim.end && e.start - claim.end <= 120,
  );
  if (!party || !project || project.end - party.start > 400) return null;
  return {
    subject: project.name,
    subjectType: 'project',
    subjectId: project.id,
    property: role,
    value: party.name,
    unit: null,
    currency: null,
    qualifier: null,
    time: null,
    quote: text.slice(party.start, project.end),
    start: party.start,
    end: project.end,
    rule: `relation:${role}:funding`,
  };
}

// A bare amount restates an earlier one of the same value, or continues the running currency (dropped when
// there is none); any other money figure sets the running currency.
function withRunningCurrency(q: Quantity, doc: DocumentState): Quantity[] {
  if (q.kind !== 'money') return [q];
  if (q.rule !== 'money:implied') {
    doc.currency = q.currency;
    if (q.currency) setInDocument(doc, doc.amounts, q.value, q.currency);
    return [q];
  }
  const currency = doc.amounts.get(q.value) ?? doc.currency;
  return currency ? [{ ...q, unit: currency, currency }] : [];
}

/**
 * The figures of each sentence of a paragraph as claims: quantities and multiplying verbs (a bare amount in the
 * running currency), each with the time it is true for, its qualifier (a floor when the sentence says the
 * statistics are incomplete), the kind of money it is, what it is about, and the funding tie it makes.
 */
export function figureClaims(doc: DocumentState, paragraph: Readonly<ParagraphState>): StageOutput {
  const { text, language } = doc.input;
  const { languages, index } = doc;
  const claims = paragraph.sentences.map((sentence, s) => {
    const claims: ExtractedClaim[] = [];
    const inSentence = paragraph.inSentence[s] ?? [];
    const inScope = paragraph.times[s]?.inScope ?? [];
    const quantities = [
      ...findQuantities(languages, text, sentence.start, sentence.end, language, doc.context),
      ...findMultiplyVerbs(languages, text, sentence.start, sentence.end, language),
    ]
      .sort((a, b) => a.start - b.start)
      .flatMap((q) => withRunningCurrency(q, doc));
    if (quantities.length === 0) return claims;
    const times = attachTimes(languages, text, quantities, inScope);
    const sentenceText = text.slice(sentence.start, sentence.end);
    const floor = saysFloor(languages, sentenceText);
    // Mentions near each figure, by a window sliding along both sorted lists (huge sentences stay linear).
    let lo = 0;
    let hi = 0;
    quantities.forEach((q, i) => {
      while (lo < inSentence.length && (inSentence[lo]?.end ?? 0) < q.start - subjectReach) lo++;
      hi = Math.max(hi, lo);
      while (hi < inSentence.length && (inSentence[hi]?.start ?? 0) <= q.end) hi++;
      const claim = claimOf(text, q, times[i] ?? null);
      if (floor && claim.qualifier === null && q.kind !== 'multiple') claim.qualifier = 'at_least';
      // The words around a figure say what kind of money it is; the window also keeps huge sentences linear.
      if (q.kind === 'money')
        claim.property = moneyProperty(
          languages,
          text,
          Math.max(sentence.start, q.start - 160),
          Math.min(sentence.end, q.end + 80),
          q,
        );
      assignSubject(languages, text, sentence, q, claim, inSentence.slice(lo, hi), index);
      claims.push(claim);
      const tie = fundingTie(text, claim, inSentence);
      if (tie) claims.push(tie);
    });
    return claims;
  });
  return { claims };
}
