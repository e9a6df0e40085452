import type { Qualifier } from '../domain/claim.js';

// Cue phrases that stand right before a figure, in English, Spanish and Portuguese; longest first within a group.
const cues: [Qualifier, string[]][] = [
  [
    'at_least',
    [
      'more than',
      'over',
      'above',
      'exceeding',
      'in excess of',
      'at least',
      'upwards of',
      'más de',
      'mais de',
      'superior a',
      'por lo menos',
      'al menos',
      'pelo menos',
      'no menos de',
      'acima de',
    ],
  ],
  [
    'approx',
    [
      'nearly',
      'almost',
      'close to',
      'about',
      'around',
      'approximately',
      'roughly',
      'some',
      'an estimated',
      'estimated',
      'casi',
      'cerca de',
      'alrededor de',
      'aproximadamente',
      'unos',
      'unas',
      'quase',
      'em torno de',
      'por volta de',
      'cerca de unos',
      'aproximadamente unos',
      'on the order of',
      'in the order of',
      'del orden de',
      'en el orden de',
      'da ordem de',
      'na ordem de',
      'de cerca de',
    ],
  ],
  [
    'at_most',
    ['up to', 'under', 'less than', 'below', 'at most', 'hasta', 'menos de', 'até', 'no más de', 'abaixo de'],
  ],
];

const pattern = new RegExp(
  `(?:^|[^\\p{L}])(${cues
    .flatMap(([, words]) => words)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|')})\\s+$`,
  'diu',
);

/** The qualifier cue that ends `before` (the text right before a figure) and how many characters it takes, or null. */
export function qualifierBefore(before: string): { qualifier: Qualifier; length: number } | null {
  const tail = before.slice(-40);
  const m = pattern.exec(tail);
  const cue = m?.[1];
  const at = m?.indices?.[1]?.[0];
  if (cue === undefined || at === undefined) return null;
  const said = cue.toLowerCase().replace(/\s+/g, ' ');
  const found = cues.find(([, words]) => words.includes(said));
  return found ? { qualifier: found[0], length: tail.length - at } : null;
}
