import { tokenize, type Token } from './tokens.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** the entity ids a term ending here names */
  ids: string[];
}

/** A match of a gazetteer term in text. */
export interface GazetteerMatch {
  id: string;
  start: number;
  end: number;
}

const node = (): TrieNode => ({ next: new Map(), ids: [] });

/**
 * A dictionary of multi-word terms matched on whole tokens, longest match first.
 * Matching is case-sensitive (names are capitalised; "chile" the pepper is not Chile), except that a
 * lower-case term also matches with its first letter capitalised, as at the start of a sentence.
 */
export class Gazetteer {
  private readonly root = node();

  /** Adds a term naming the entity `id`. */
  add(term: string, id: string): void {
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
      if (at !== this.root && !at.ids.includes(id)) at.ids.push(id);
    }
  }

  /** Finds the longest non-overlapping matches in `text`, left to right. */
  match(text: string, tokens: Token[] = tokenize(text)): GazetteerMatch[] {
    const found: GazetteerMatch[] = [];
    for (let i = 0; i < tokens.length;) {
      let at: TrieNode | undefined = this.root;
      let best: { ids: string[]; last: number } | undefined;
      for (let j = i; j < tokens.length; j++) {
        const token: Token | undefined = tokens[j];
        // Multi-word terms may not jump over a line break or a wide gap.
        if (!token || (j > i && token.start - (tokens[j - 1]?.end ?? 0) > 1)) break;
        at = at.next.get(token.text);
        if (!at) break;
        if (at.ids.length > 0) best = { ids: at.ids, last: j };
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
