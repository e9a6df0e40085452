import { tokenize, type Token } from './tokens.js';

/** What a term names: an entity id, and the one language the term belongs to (null: any language). */
interface Entry {
  id: string;
  lang: string | null;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}

/** A match of a gazetteer term in text. */
export interface GazetteerMatch {
  id: string;
  start: number;
  end: number;
}

const node = (): TrieNode => ({ next: new Map(), entries: [] });

/**
 * The id of a block term: a term that names nothing but wins the longest match, so the shorter name inside it is
 * not taken ("New Mexico" keeps "Mexico" from matching). Callers drop matches with this id.
 */
export const blockId = 'block';

/**
 * A dictionary of multi-word terms matched on whole tokens, longest match first.
 * Matching is case-sensitive (names are capitalised; "chile" the pepper is not Chile), except that a
 * lower-case term also matches with its first letter capitalised, as at the start of a sentence.
 * A term may belong to one language ("china", Spanish for Chinese) and then matches only in that language.
 */
export class Gazetteer {
  private readonly root = node();

  /** Adds a term naming the entity `id`, optionally only for documents in `lang`. */
  add(term: string, id: string, lang: string | null = null): void {
    const variants = new Set([term]);
    const first = term.charAt(0);
    if (first !== first.toUpperCase()) variants.add(first.toUpperCase() + term.slice(1));
    for (const variant of variants) {
      let at = this.root;
      for (const token of tokenize(variant)) {
        let child = at.next.get(token.text);
        if (!child) {
          child = node();
          at.next.set(token.text, child);
        }
        at = child;
      }
      if (at !== this.root && !at.entries.some((e) => e.id === id && e.lang === lang))
        at.entries.push({ id, lang });
    }
  }

  /** Finds the longest non-overlapping matches in `text` for a document in `lang` (null: unknown), left to right. */
  match(text: string, tokens: Token[] = tokenize(text), lang: string | null = null): GazetteerMatch[] {
    const found: GazetteerMatch[] = [];
    const usable = (e: Entry) => e.lang === null || e.lang === lang;
    for (let i = 0; i < tokens.length;) {
      let at: TrieNode | undefined = this.root;
      let best: { ids: string[]; last: number } | undefined;
      for (let j = i; j < tokens.length; j++) {
        const token: Token | undefined = tokens[j];
        // Multi-word terms may not jump over a paragraph break or a wide gap.
        if (!token || (j > i && token.start - (tokens[j - 1]?.end ?? 0) > 1)) break;
        at = at.next.get(token.text);
        if (!at) break;
        const ids = [...new Set(at.entries.filter(usable).map((e) => e.id))];
        if (ids.length > 0) best = { ids, last: j };
      }
      const first = tokens[i];
      const last = best ? tokens[best.last] : undefined;
      if (best && first && last) {
        for (const id of best.ids) found.push({ id, start: first.start, end: last.end });
        i = best.last + 1;
      } else {
        i++;
      }
    }
    return found;
  }
}
