import type { LanguagePack } from './pack.js';

/** The language packs an extraction reads with: every pack's knowledge, and each document language's own pack. */
export interface Languages {
  readonly packs: readonly LanguagePack[];
  /** The pack of a language code, when one is registered. */
  of(code: string | null): LanguagePack | undefined;
  /** The packs a document in `code` is read with where the engine reads by language: its own, else every pack. */
  reading(code: string | null): readonly LanguagePack[];
  /** Every pack's items of one part, in pack order, each once (by `key`, the item itself by default). */
  union<T>(pick: (pack: LanguagePack) => readonly T[], key?: (item: T) => unknown): T[];
}

const sets = new WeakMap<readonly LanguagePack[], Languages>();

/** The language set of a list of packs, made once per list (the patterns composed from it are cached on it). */
export function languageSet(packs: readonly LanguagePack[]): Languages {
  const known = sets.get(packs);
  if (known) return known;
  const byCode = new Map<string, LanguagePack>();
  for (const pack of packs) if (!byCode.has(pack.code)) byCode.set(pack.code, pack);
  const set: Languages = {
    packs,
    of: (code) => (code === null ? undefined : byCode.get(code)),
    reading(code) {
      const own = set.of(code);
      return own ? [own] : packs;
    },
    union<T>(pick: (pack: LanguagePack) => readonly T[], key: (item: T) => unknown = (item) => item) {
      const seen = new Set<unknown>();
      const items: T[] = [];
      for (const pack of packs)
        for (const item of pick(pack)) {
          const k = key(item);
          if (seen.has(k)) continue;
          seen.add(k);
          items.push(item);
        }
      return items;
    },
  };
  sets.set(packs, set);
  return set;
}

/** A value a module builds once per language set (its patterns composed from the packs), then reuses. */
export function perLanguages<T>(build: (languages: Languages) => T): (languages: Languages) => T {
  const cache = new WeakMap<Languages, T>();
  return (languages) => {
    let value = cache.get(languages);
    if (value === undefined) {
      value = build(languages);
      cache.set(languages, value);
    }
    return value;
  };
}
