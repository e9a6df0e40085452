import type { Qualifier } from '../domain/claim.js';
import { perLanguages, type Languages } from './lang/languages.js';

const qualifiers = ['at_least', 'approx', 'at_most'] as const;

// Cue phrases that stand right before a figure, in every language's words; longest first.
const cuesOf = perLanguages((languages) => {
  const cues = qualifiers.map((q) => [q, languages.union((p) => p.qualifiers.cues[q])] as const);
  const pattern = new RegExp(
    `(?:^|[^\\p{L}])(${cues
      .flatMap(([, words]) => words)
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/ /g, '\\s+'))
      .join('|')})\\s+$`,
    'diu',
  );
  const floor = languages.union((p) => p.qualifiers.floor);
  return { cues, pattern, floor: floor.length > 0 ? new RegExp(floor.join('|'), 'iu') : null };
});

/** Whether a sentence says its figures are floors ("according to incomplete statistics", "según datos incompletos"). */
export const saysFloor = (languages: Languages, sentence: string) =>
  cuesOf(languages).floor?.test(sentence) ?? false;

/** The qualifier cue that ends `before` (the text right before a figure) and how many characters it takes, or null. */
export function qualifierBefore(
  languages: Languages,
  before: string,
): { qualifier: Qualifier; length: number } | null {
  const { cues, pattern } = cuesOf(languages);
  const tail = before.slice(-40);
  const m = pattern.exec(tail);
  const cue = m?.[1];
  const at = m?.indices?.[1]?.[0];
  if (cue === undefined || at === undefined) return null;
  const said = cue.toLowerCase().replace(/\s+/g, ' ');
  const found = cues.find(([, words]) => words.includes(said));
  return found ? { qualifier: found[0], length: tail.length - at } : null;
}
