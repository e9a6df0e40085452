import type { ClaimValue } from '../domain/claim.js';
import { convert, yearOf, type Converted } from '../money/money.js';

/**
 * Reconciliation: the claims made about one subject (a project, an indicator), grouped by property, become one
 * record that says, for each property, which value Puente prefers and why, every other value with its sources,
 * and whether sources disagree.
 *
 * The rule for the preferred value, in order (the first that tells two values apart decides):
 *   1. an editor's choice: a value with a claim an editor accepted (origin `person`, or review state
 *      `accepted` set in review);
 *   2. official or dataset sources: a value with a claim imported from a dataset (origin `import`);
 *   3. the most recent evidence: the latest publication date of a source stating the value (its ingest date
 *      when it has none);
 *   4. the most sources: how many distinct sources state the value.
 * Values are the same when they are equal (text, dates, entities) or, for quantities of the same unit and
 * currency, within `tolerance` of each other (rounded reports of one figure: "US$1.3 billion" and "1.300
 * millones de dólares"). A conflict is two sources that state different values of the same property, unit and
 * currency for the same time (the same year, or a value without a time). One source giving several values
 * (the phases of a project) is not a conflict; values for different years are a series, not a conflict.
 * Claims of near-duplicate copies, of paragraphs repeated from another source and rejected claims do not count.
 */
export const tolerance = 0.02;

/** A claim as reconciliation reads it: the claim, and the source it comes from. */
export interface ClaimInput {
  id: string;
  property: string;
  value: ClaimValue;
  qualifier: string | null;
  time: string | null;
  quote: string;
  start: number;
  end: number;
  originKind: string;
  originName: string;
  reviewState: string;
  source: { id: string; title: string | null; uri: string; publishedAt: string | null; ingestedAt: string };
}

/** One value of a property with the claims and sources that state it. */
export interface ValueView {
  value: ClaimValue;
  time: string | null;
  qualifier: string | null;
  /** money in original, nominal USD and constant USD (base year 2021) */
  money: Converted | null;
  sources: number;
  claims: {
    claimId: string;
    sourceId: string;
    title: string | null;
    uri: string;
    publishedAt: string | null;
    origin: string;
    quote: string;
    start: number;
    end: number;
  }[];
}

/** A property of the record: its preferred value, the others, and why. */
export interface PropertyView {
  property: string;
  /** the unit of a quantity (ISO 4217 code for money), else null */
  unit: string | null;
  preferred: ValueView;
  alternatives: ValueView[];
  /** which step of the rule chose the preferred value: only (one value), editor, dataset, recent, sources */
  rule: 'only' | 'editor' | 'dataset' | 'recent' | 'sources' | 'order';
  conflict: boolean;
}

const sameValue = (a: ClaimValue, b: ClaimValue) => {
  if (a.kind === 'quantity' && b.kind === 'quantity')
    return (
      a.unit === b.unit &&
      a.currency === b.currency &&
      (a.constantBase ?? null) === (b.constantBase ?? null) &&
      Math.abs(a.amount - b.amount) <= tolerance * Math.max(Math.abs(a.amount), Math.abs(b.amount))
    );
  if (a.kind === 'entity' && b.kind === 'entity')
    return a.entityId && b.entityId
      ? a.entityId === b.entityId
      : a.name.toLowerCase() === b.name.toLowerCase();
  if (a.kind === 'text' && b.kind === 'text') return a.text.toLowerCase() === b.text.toLowerCase();
  if (a.kind === 'enum' && b.kind === 'enum') return a.value === b.value;
  if (a.kind === 'date' && b.kind === 'date') return a.date === b.date;
  return false;
};

/** The group a claim belongs to: its property and, for quantities, unit, currency and price base. */
const groupKey = (c: ClaimInput) =>
  c.value.kind === 'quantity'
    ? `${c.property}\u001f${c.value.unit}\u001f${c.value.currency ?? ''}\u001f${c.value.constantBase ?? ''}`
    : `${c.property}\u001f${c.value.kind}`;

const evidenceDate = (c: ClaimInput) => c.source.publishedAt ?? c.source.ingestedAt.slice(0, 10);

interface Cluster {
  claims: ClaimInput[];
  year: number | null;
}

const sourcesOf = (cluster: Cluster) => new Set(cluster.claims.map((c) => c.source.id)).size;
const editorChose = (cluster: Cluster) =>
  cluster.claims.some((c) => c.originKind === 'person' || c.reviewState === 'accepted');
const fromDataset = (cluster: Cluster) => cluster.claims.some((c) => c.originKind === 'import');
const latest = (cluster: Cluster) => cluster.claims.map(evidenceDate).sort().at(-1) ?? '';

function valueView(cluster: Cluster): ValueView {
  const first = cluster.claims[0] as ClaimInput;
  const v = first.value;
  const money =
    v.kind === 'quantity' && v.currency
      ? convert({
          amount: v.amount,
          currency: v.currency,
          year: yearOf(first.time) ?? yearOf(first.source.publishedAt),
          constantBase: v.constantBase ?? null,
        })
      : null;
  return {
    value: v,
    time: first.time,
    qualifier: first.qualifier,
    money,
    sources: sourcesOf(cluster),
    claims: cluster.claims.map((c) => ({
      claimId: c.id,
      sourceId: c.source.id,
      title: c.source.title,
      uri: c.source.uri,
      publishedAt: c.source.publishedAt,
      origin: `${c.originKind}:${c.originName}`,
      quote: c.quote,
      start: c.start,
      end: c.end,
    })),
  };
}

/** Ranks two values by the rule; returns the step that told them apart, or null when none did. */
function decide(a: Cluster, b: Cluster): { winner: Cluster; rule: PropertyView['rule'] } | null {
  const steps: [PropertyView['rule'], (c: Cluster) => number | string][] = [
    ['editor', (c) => (editorChose(c) ? 1 : 0)],
    ['dataset', (c) => (fromDataset(c) ? 1 : 0)],
    ['recent', latest],
    ['sources', sourcesOf],
  ];
  for (const [rule, score] of steps) {
    const x = score(a);
    const y = score(b);
    if (x !== y) return { winner: x > y ? a : b, rule };
  }
  return null;
}

/** Reconciles the claims about one subject into one view per property (properties in first-seen order). */
export function reconcile(claims: ClaimInput[]): PropertyView[] {
  const groups = new Map<string, ClaimInput[]>();
  for (const c of claims) {
    if (c.reviewState === 'rejected') continue;
    const key = groupKey(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const views: PropertyView[] = [];
  for (const group of groups.values()) {
    // Same value and same year: one cluster. A value at two times is two clusters (a series).
    const clusters: Cluster[] = [];
    for (const c of group) {
      const year = yearOf(c.time);
      const home = clusters.find(
        (k) => k.year === year && sameValue(k.claims[0]?.value as ClaimValue, c.value),
      );
      if (home) home.claims.push(c);
      else clusters.push({ claims: [c], year });
    }
    let best = clusters[0] as Cluster;
    let rule: PropertyView['rule'] = clusters.length === 1 ? 'only' : 'order';
    for (const other of clusters.slice(1)) {
      const decided = decide(best, other);
      if (decided && decided.winner === other) {
        best = other;
        rule = decided.rule;
      } else if (decided && rule === 'order') rule = decided.rule;
    }
    // Sources disagree: two values for the same year (or one without a year), from different sources.
    const conflict = clusters.some((a, i) =>
      clusters.slice(i + 1).some((b) => {
        if (a.year !== null && b.year !== null && a.year !== b.year) return false;
        return a.claims.some((x) => b.claims.some((y) => x.source.id !== y.source.id));
      }),
    );
    const first = group[0] as ClaimInput;
    views.push({
      property: first.property,
      unit: first.value.kind === 'quantity' ? first.value.unit : null,
      preferred: valueView(best),
      alternatives: clusters.filter((k) => k !== best).map(valueView),
      rule,
      conflict,
    });
  }
  return views;
}
