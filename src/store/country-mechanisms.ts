import type { Claim } from '../domain/claim.js';
import { splitSentences } from '../extract/sentences.js';
import { pushTo } from '../util/maps.js';
import { claimFromRow } from './claims.js';
import type { Db } from './database.js';

/** A sentence that names a mechanism together with a country: the evidence of a country's mechanism. */
export interface Passage {
  sourceId: string;
  title: string | null;
  publishedAt: string | null;
  quote: string;
  start: number;
  end: number;
  /** the first figure (amount) stated in the sentence, when there is one */
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
  /** figures (amounts) stated in those sentences, the latest first */
  figures: Claim[];
  /** the sentences, newest source first */
  evidence: Passage[];
}

interface Span {
  start: number;
  end: number;
}

const bodyTypes = ['mechanism', 'policy'];
// Sources whose texts and mentions are read in one query.
const batch = 500;

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

/** A registry attribute read from an entity's JSON attributes. */
const attribute = (json: string, name: string): unknown =>
  (JSON.parse(json) as Record<string, unknown>)[name];

/**
 * The registry ids that stand for a country in a sentence: the country itself and the organizations and places
 * whose home country it is ("Central Bank of Argentina", "Chancay"); and the other LAC countries, whose naming
 * makes a paragraph ambiguous.
 */
async function countrySides(db: Db, iso2: string) {
  const rows = await db
    .selectFrom('entity')
    .select(['id', 'type', 'attributes'])
    .where('type', 'in', ['country', 'organization', 'place'])
    .where('review_state', '<>', 'rejected')
    .execute();
  const own = new Set<string>();
  const others = new Set<string>();
  for (const e of rows) {
    const a = JSON.parse(e.attributes) as Record<string, unknown>;
    if (e.type === 'country') {
      if (a.iso2 === iso2) own.add(e.id);
      else if (a.lac === true) others.add(e.id);
    } else if (a.country === iso2) own.add(e.id);
  }
  return { own, others };
}

/** What one batch of sources holds that the passages need: texts, the countries' mentions, the figures. */
async function readSources(db: Db, ids: string[], sideIds: string[]) {
  const [texts, sides, figures] = await Promise.all([
    db.selectFrom('source').select(['id', 'text']).where('id', 'in', ids).execute(),
    db
      .selectFrom('mention')
      .select(['source_id', 'entity_id', 'span_start', 'span_end'])
      .where('source_id', 'in', ids)
      .where('entity_id', 'in', sideIds)
      .execute(),
    db
      .selectFrom('claim')
      .select(['id', 'source_id', 'span_start', 'span_end', 'time'])
      .where('source_id', 'in', ids)
      .where('value_kind', '=', 'quantity')
      .where('review_state', '<>', 'rejected')
      .where('repeats_source', 'is', null)
      .orderBy('source_id')
      .orderBy('span_start')
      .execute(),
  ]);
  return { texts, sides, figures };
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
  const [{ own, others }, bodies] = await Promise.all([
    countrySides(db, iso2),
    db
      .selectFrom('entity')
      .select(['id', 'name', 'type', 'attributes'])
      .where('type', 'in', bodyTypes)
      .where('review_state', '<>', 'rejected')
      .execute(),
  ]);
  if (own.size === 0 || bodies.length === 0) return [];
  const ownIds = [...own];
  // The mechanisms' mentions lead, by their entity index, in paragraphs that name the country. A condition on
  // the source here made SQLite walk every source and paragraph instead, so copies are left out afterwards.
  const mentioned = await db
    .selectFrom('mention as m')
    .innerJoin('paragraph as p', (join) =>
      join
        .onRef('p.source_id', '=', 'm.source_id')
        .onRef('p.span_start', '<=', 'm.span_start')
        .onRef('p.span_end', '>=', 'm.span_end'),
    )
    .innerJoin('source as s', 's.id', 'm.source_id')
    .select(['m.source_id', 'm.entity_id', 'm.span_start', 'm.span_end', 'p.span_start as p_start'])
    .select(['p.span_end as p_end', 's.title', 's.published_at', 's.duplicate_of'])
    .where(
      'm.entity_id',
      'in',
      bodies.map((b) => b.id),
    )
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
  const rows = mentioned.filter((r) => r.duplicate_of === null);
  if (rows.length === 0) return [];

  const sourceIds = [...new Set(rows.map((r) => r.source_id))];
  const sideIds = [...ownIds, ...others];
  const textOf = new Map<string, string>();
  const sidesOf = new Map<string, (Span & { id: string })[]>();
  const figuresOf = new Map<string, (Span & { id: string; time: string | null })[]>();
  for (let i = 0; i < sourceIds.length; i += batch) {
    const { texts, sides, figures } = await readSources(db, sourceIds.slice(i, i + batch), sideIds);
    for (const t of texts) textOf.set(t.id, t.text);
    for (const m of sides)
      pushTo(sidesOf, m.source_id, { id: m.entity_id, start: m.span_start, end: m.span_end });
    for (const c of figures)
      pushTo(figuresOf, c.source_id, { id: c.id, start: c.span_start, end: c.span_end, time: c.time });
  }
  // Sentences of a paragraph, split once however many mechanisms it names.
  const sentencesOf = new Map<string, Span[]>();
  const sentencesIn = (sourceId: string, paragraph: Span) => {
    const key = `${sourceId}\u001f${paragraph.start}`;
    let found = sentencesOf.get(key);
    if (!found)
      sentencesOf.set(
        key,
        (found = splitSentences(textOf.get(sourceId) ?? '', paragraph.start, paragraph.end)),
      );
    return found;
  };

  interface Gathered {
    passages: Passage[];
    seen: Set<string>;
    sources: Set<string>;
    dates: string[];
    figures: Map<string, string | null>;
  }
  const gathered = new Map<string, Gathered>();
  for (const r of rows) {
    const paragraph = { start: r.p_start, end: r.p_end };
    const sentence = sentencesIn(r.source_id, paragraph).find((s) =>
      within({ start: r.span_start, end: r.span_end }, s),
    );
    if (!sentence) continue;
    const named = sidesOf.get(r.source_id) ?? [];
    const inSentence = named.some((x) => own.has(x.id) && within(x, sentence));
    if (!inSentence && named.some((x) => others.has(x.id) && within(x, paragraph))) continue;
    let g = gathered.get(r.entity_id);
    if (!g)
      gathered.set(
        r.entity_id,
        (g = { passages: [], seen: new Set(), sources: new Set(), dates: [], figures: new Map() }),
      );
    const key = `${r.source_id}\u001f${sentence.start}`;
    if (g.seen.has(key)) continue;
    g.seen.add(key);
    g.sources.add(r.source_id);
    if (r.published_at) g.dates.push(r.published_at);
    const figures = (figuresOf.get(r.source_id) ?? []).filter((c) => within(c, sentence));
    for (const f of figures) g.figures.set(f.id, f.time);
    g.passages.push({
      sourceId: r.source_id,
      title: r.title,
      publishedAt: r.published_at,
      quote: (textOf.get(r.source_id) ?? '').slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      claimId: figures[0]?.id ?? null,
    });
  }

  // The latest `cap` figures of each mechanism, read whole.
  const latest = new Map(
    [...gathered].map(([id, g]) => [
      id,
      [...g.figures]
        .sort(([a, ta], [b, tb]) => (tb ?? '').localeCompare(ta ?? '') || (a < b ? -1 : 1))
        .slice(0, cap)
        .map(([claimId]) => claimId),
    ]),
  );
  const wanted = [...new Set([...latest.values()].flat())];
  const claims = new Map<string, Claim>();
  for (let i = 0; i < wanted.length; i += batch)
    for (const row of await db
      .selectFrom('claim')
      .selectAll()
      .where('id', 'in', wanted.slice(i, i + batch))
      .execute())
      claims.set(row.id, claimFromRow(row));

  const when = (p: Passage) => p.publishedAt ?? '';
  return bodies
    .filter((b) => gathered.has(b.id))
    .map((b): CountryMechanism => {
      const g = gathered.get(b.id) as Gathered;
      const kind = attribute(b.attributes, 'kind');
      g.dates.sort();
      return {
        id: b.id,
        name: b.name,
        type: b.type,
        kind: typeof kind === 'string' ? kind : null,
        sources: g.sources.size,
        firstSeen: g.dates[0] ?? null,
        lastSeen: g.dates[g.dates.length - 1] ?? null,
        figures: (latest.get(b.id) ?? []).flatMap((id) => claims.get(id) ?? []),
        evidence: g.passages
          .sort(
            (x, y) =>
              when(y).localeCompare(when(x)) || x.sourceId.localeCompare(y.sourceId) || x.start - y.start,
          )
          .slice(0, cap),
      };
    })
    .sort(
      (a, b) =>
        b.sources - a.sources ||
        (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}
