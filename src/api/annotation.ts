import type { Claim } from '../domain/claim.js';
import { valueText } from '../domain/claim.js';
import type { Db } from '../store/database.js';

/** Characters of context kept either side of a quote in a TextQuoteSelector. */
const contextChars = 32;

/** Counts Unicode code points (what W3C selectors count) in `text` up to the UTF-16 offset `end`. */
const codePoints = (text: string, end: number) => {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (
      c < 0xdc00 ||
      c > 0xdfff ||
      i === 0 ||
      text.charCodeAt(i - 1) < 0xd800 ||
      text.charCodeAt(i - 1) > 0xdbff
    )
      n++;
  }
  return n;
};

/**
 * A claim's evidence as a W3C Web Annotation: the claim as its body, the source as its target, selected by the
 * quote with its context (TextQuoteSelector) and by its place in the source's normalized text, in code points
 * (TextPositionSelector).
 */
export function annotationOf(claim: Claim, source: { uri: string; text: string }) {
  const { start, end, quote } = claim.evidence;
  const value =
    claim.value.kind === 'quantity' ? `${claim.value.amount} ${claim.value.unit}` : valueText(claim.value);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:puente:claim:${claim.id}`,
    type: 'Annotation',
    motivation: 'describing',
    body: {
      type: 'TextualBody',
      format: 'text/plain',
      value: `${claim.subjectName ?? claim.subjectId ?? '?'} · ${claim.property}: ${value ?? ''}`,
    },
    target: {
      source: source.uri,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: quote,
          prefix: source.text.slice(Math.max(0, start - contextChars), start),
          suffix: source.text.slice(end, end + contextChars),
        },
        {
          type: 'TextPositionSelector',
          start: codePoints(source.text, start),
          end: codePoints(source.text, end),
        },
      ],
    },
  };
}

/**
 * The claims with an `annotation` each. Sources are read 200 at a time and let go once their claims are annotated,
 * so a download of 100,000 claims never holds every cited text at once.
 */
export async function withAnnotations(db: Db, claims: Claim[]) {
  const bySource = new Map<string, number[]>();
  claims.forEach((c, i) =>
    bySource.set(c.evidence.sourceId, [...(bySource.get(c.evidence.sourceId) ?? []), i]),
  );
  const out: (Claim & { annotation: ReturnType<typeof annotationOf> | null })[] = claims.map((c) => ({
    ...c,
    annotation: null,
  }));
  const ids = [...bySource.keys()];
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await db
      .selectFrom('source')
      .select(['id', 'uri', 'text'])
      .where('id', 'in', ids.slice(i, i + 200))
      .execute();
    for (const r of rows)
      for (const at of bySource.get(r.id) ?? []) {
        const item = out[at];
        if (item) item.annotation = annotationOf(item, r);
      }
  }
  return out;
}
