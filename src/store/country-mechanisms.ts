import type { Claim } from '../domain/claim.js';
import { splitSentences } from '../extract/sentences.js';
import { claimFromRow } from './claims.js';
import type { Db } from './database.js';
import { entityFromRow } from './entities.js';
import type { ClaimTable } from './tables/claim-table.js';
import { pushTo } from '../util/maps.js';

/** A sentence that names a mechanism together with a country: the evidence of a country's mechanism. */
export interface Passage {
  sourceId: string;
  title: string | null;
  publishedAt: string | null;
  quote: string;
  start: number;
  end: number;
  /** the first claim whose evidence lies in the sentence, when there is one */
  claimId: string | null;
}

/** A mechanism (swap line, fund, forum, loan programme) or policy named with a country, and where. */
export interface CountryMechanism {
  id: string;
  name: string;
  type: string;
  kind: string | null;
  /** how many sources name it with the country */
  sources: number;
  /** the earliest and latest publication dates of those sources (null when none is dated) */
  firstSeen: string | null;
  lastSeen: string | null;
  /** figures (amounts and counts) stated in those sentences, the latest first */
  figures: Claim[];
  /** the sentences, newest source first */
  evidence: Passage[];
}

const bodyTypes = ['mechanism', 'policy'];
const figureKinds = new Set(['quantity']);

const within = (inner: { start: number; end: number }, outer: { start: number; end: number }) =>
  inner.start >= outer.start && inner.end <= outer.end;

/**
 * The registry ids that stand for a country in a sentence: the country itself and the organizations and places
 * whose home country it is ("Central Bank of Argentina", "Chancay"); and the other LAC countries, whose naming
 * makes a paragraph ambiguous.
 */
async function countrySides(db: Db, iso2: string) {
  const rows = await db
    .selectFrom('entity')
    .selectAll()
    .where('type', 'in', ['country', 'organization', 'place'])
    .where('review_state', '<>', 'rejected')
    .execute();
  const own = new Set<string>();
  const others = new Set<string>();
  for (const e of rows.map(entityFromRow)) {
    const a = e.attributes;
    if (e.type === 'country') {
      if (a.iso2 === iso2) own.add(e.id);
      else if (a.lac === true) others.add(e.id);
    } else if (a.country === iso2) own.add(e.id);
  }
  return { own, others };
}

/**
 * The mechanisms and policies that sources name together with a country, each with the sentences that do, the
 * figures stated there and how many sources. A sentence counts when it names the mechanism and the country (or
 * one of its organizations or places), or when it names the mechanism in a paragraph that names this country and
 * no other Latin American or Caribbean one. Copies of a story and paragraphs repeated from another source or
 * earlier in the same one are left out, so a story counts once. Most sources first, then the latest named.
 * `cap` bounds the sentences and figures kept per mechanism.
 */
export async function countryMechanisms(db: Db, iso2: string, cap: number): Promise<CountryMechanism[]> {
  const { own, others } = await countrySides(db, iso2);
  if (own.size === 0) return [];
  const ownIds = [...own];
  const rows = await db
    .selectFrom('mention as m')
    .innerJoin('entity as e', 'e.id', 'm.entity_id')
    .innerJoin('source as s', 's.id', 'm.source_id')
    .innerJoin('paragraph as p', (join) =>
      join
        .onRef('p.source_id', '=', 'm.source_id')
        .onRef('p.span_start', '<=', 'm.span_start')
        .onRef('p.span_end', '>=', 'm.span_end'),
    )
    .select(['m.source_id', 'm.entity_id', 'm.span_start', 'm.span_end', 'p.span_start as p_start'])
    .select(['p.span_end as p_end', 's.title', 's.published_at'])
    .select(['e.name', 'e.type', 'e.attributes'])
    .where('e.type', 'in', bodyTypes)
    .where('e.review_state', '<>', 'rejected')
    .where('s.duplicate_of', 'is', null)
    .where('p.duplicate_of', 'is', null)
    .where('p.repeats_source', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('mention as c')
          .select('c.entity_id')
          .whereRef('c.source_id', '=', 'm.source_id')
          .where('c.entity_id', 'in', ownIds)
          .whereRef('c.span_start', '>=', 'p.span_start')
          .whereRef('c.span_end', '<=', 'p.span_end'),
      ),
    )
    .execute();
  if (rows.length === 0) return [];

  // Texts, the country's and other countries' mentions, and claims of those sources, 500 sources a query.
  const sourceIds = [...new Set(rows.map((r) => r.source_id))];
  const textOf = new Map<string, string>();
  const sidesOf = new Map<string, { id: string; start: number; end: number }[]>();
  const claimsOf = new Map<string, ClaimTable[]>();
  const sideIds = [...ownIds, ...others];
  for (let i = 0; i < sourceIds.length; i += 500) {
    const batch = sourceIds.slice(i, i + 500);
    const [texts, sides, claims] = await Promise.all([
      db.selectFrom('source').select(['id', 'text']).where('id', 'in', batch).execute(),
      db
        .selectFrom('mention')
        .select(['source_id', 'entity_id', 'span_start', 'span_end'])
        .where('source_id', 'in', batch)
        .where('entity_id', 'in', sideIds)
        .execute(),
      db
        .selectFrom('claim')
        .selectAll()
        .where('source_id', 'in', batch)
        .where('review_state', '<>', 'rejected')
        .where('repeats_source', 'is', null)
        .orderBy('span_start')
        .execute(),
    ]);
    for (const t of texts) textOf.set(t.id, t.text);
    for (const m of sides)
      pushTo(sidesOf, m.source_id, { id: m.entity_id, start: m.span_start, end: m.span_end });
    for (const c of claims) pushTo(claimsOf, c.source_id, c);
  }
  // Sentences of a paragraph, split once however many mechanisms it names.
  const sentencesOf = new Map<string, { start: number; end: number }[]>();
  const sentences = (sourceId: string, text: string, from: number, to: number) => {
    const key = `${sourceId}\u001f${from}`;
    let found = sentencesOf.get(key);
    if (!found) sentencesOf.set(key, (found = splitSentences(text, from, to)));
    return found;
  };

  const found = new Map<string, CountryMechanism & { seen: Set<string>; dates: string[] }>();
  for (const r of rows) {
    const text = textOf.get(r.source_id) ?? '';
    const paragraph = { start: r.p_start, end: r.p_end };
    const mention = { start: r.span_start, end: r.span_end };
    const sentence = sentences(r.source_id, text, paragraph.start, paragraph.end).find((s) =>
      within(mention, s),
    );
    if (!sentence) continue;
    const named = sidesOf.get(r.source_id) ?? [];
    const inSentence = named.some((x) => own.has(x.id) && within(x, sentence));
    const otherInParagraph = named.some((x) => others.has(x.id) && within(x, paragraph));
    if (!inSentence && otherInParagraph) continue;
    const attributes = JSON.parse(r.attributes) as Record<string, unknown>;
    let entry = found.get(r.entity_id);
    if (!entry) {
      entry = {
        id: r.entity_id,
        name: r.name,
        type: r.type,
        kind: typeof attributes.kind === 'string' ? attributes.kind : null,
        sources: 0,
        firstSeen: null,
        lastSeen: null,
        figures: [],
        evidence: [],
        seen: new Set(),
        dates: [],
      };
      found.set(r.entity_id, entry);
    }
    const key = `${r.source_id}\u001f${sentence.start}`;
    if (entry.seen.has(key)) continue;
    entry.seen.add(key);
    const inside = (claimsOf.get(r.source_id) ?? []).filter((c) =>
      within({ start: c.span_start, end: c.span_end }, sentence),
    );
    for (const c of inside)
      if (figureKinds.has(c.value_kind) && !entry.figures.some((f) => f.id === c.id))
        entry.figures.push(claimFromRow(c));
    entry.evidence.push({
      sourceId: r.source_id,
      title: r.title,
      publishedAt: r.published_at,
      quote: text.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      claimId: inside[0]?.id ?? null,
    });
    if (r.published_at) entry.dates.push(r.published_at);
  }

  const when = (p: { publishedAt: string | null; sourceId: string }) => p.publishedAt ?? '';
  return [...found.values()]
    .map(({ seen, dates, ...m }) => {
      m.evidence.sort(
        (a, b) => when(b).localeCompare(when(a)) || a.sourceId.localeCompare(b.sourceId) || a.start - b.start,
      );
      m.figures.sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''));
      dates.sort();
      return {
        ...m,
        sources: new Set([...seen].map((k) => k.split('\u001f')[0])).size,
        firstSeen: dates[0] ?? null,
        lastSeen: dates[dates.length - 1] ?? null,
        figures: m.figures.slice(0, cap),
        evidence: m.evidence.slice(0, cap),
      };
    })
    .sort(
      (a, b) =>
        b.sources - a.sources ||
        (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
