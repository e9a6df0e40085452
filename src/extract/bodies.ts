import type { KnownBody } from '../reference/types.js';
import { Gazetteer } from './gazetteer.js';
import { perLexicon, type Lexicon } from './lexicon.js';
import type { Token } from './tokens.js';
import type { Span } from './types.js';

const bodyGazetteer = perLexicon(({ bodies }) => {
  const gazetteer = new Gazetteer();
  for (const body of bodies) for (const term of [body.name, ...body.aliases]) gazetteer.add(term, body.id);
  return { gazetteer, byId: new Map(bodies.map((b) => [b.id, b])) };
});

/** The reference organizations, mechanisms and policies of a lexicon, by id. */
export const bodiesById = (lexicon: Lexicon): ReadonlyMap<string, KnownBody> => bodyGazetteer(lexicon).byId;

/** A known organization, mechanism or policy named in text. */
export interface BodyMention extends Span {
  body: KnownBody;
}

/** Finds the reference organizations, mechanisms and policies named in tokenized text (names and aliases). */
export function findBodies(lexicon: Lexicon, text: string, tokens: Token[]): BodyMention[] {
  const { gazetteer, byId } = bodyGazetteer(lexicon);
  return gazetteer.match(text, tokens).flatMap((m) => {
    const body = byId.get(m.id);
    return body ? [{ body, start: m.start, end: m.end }] : [];
  });
}

/**
 * The entity type a body has in extraction output. Forums of states count as organizations (they have members
 * and a secretariat); funds, loan programmes, swap lines and initiatives are mechanisms; plans are policies.
 */
export const bodyEntityType = (body: KnownBody) =>
  body.type === 'mechanism' && body.kind === 'forum' ? 'organization' : body.type;
