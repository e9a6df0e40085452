import { perLanguages, type Languages } from './lang/languages.js';
import type { TimeWords } from './lang/pack.js';
import type { Quantity } from './quantity.js';
import type { TimeExpr } from './times.js';

// The words of "from A to B" and of a time right after its figure, in every language.
const rangesOf = perLanguages((languages) => {
  const words = (pick: (t: TimeWords) => readonly string[]) =>
    languages.union((p) => pick(p.times)).join('|');
  return {
    fromBefore: new RegExp(`(?:${words((t) => t.rangeFrom) || '(?!)'})\\s*$`, 'iu'),
    rightAfter: new RegExp(`^,?\\s*(?:${words((t) => t.ownTime)})?\\s*$`, 'iu'),
    toBetween: new RegExp(`^\\s*(?:${words((t) => t.rangeTo) || '(?!)'})\\s*$`, 'iu'),
  };
});

/**
 * The time each figure of a sentence is true for. "X rose from A to B" under a period ("between 2019 and
 * 2022") gives A the period's start and B its end; any other figure takes the nearest time expression before
 * it in the sentence, else the nearest after it, else none.
 */
export function attachTimes(
  languages: Languages,
  text: string,
  quantities: Quantity[],
  times: TimeExpr[],
): (string | null)[] {
  const { fromBefore, rightAfter, toBetween } = rangesOf(languages);
  const result: (string | null)[] = quantities.map(() => null);
  const period = times.find((t) => t.ends);
  quantities.forEach((q, i) => {
    const next = quantities[i + 1];
    if (
      period?.ends &&
      next &&
      next.unit === q.unit &&
      fromBefore.test(text.slice(Math.max(0, q.start - 12), q.number.start))
    ) {
      if (toBetween.test(text.slice(q.end, next.start))) {
        result[i] = period.ends[0];
        result[i + 1] = period.ends[1];
      }
    }
  });
  quantities.forEach((q, i) => {
    if (result[i] !== null) return;
    const before = times.filter((t) => t.end <= q.start).at(-1);
    const after = times.find((t) => t.start >= q.end);
    // A time written right after the figure is its own ("US$12 billion in 2000", "R$ 4 bilhões até 2025").
    const own = after && rightAfter.test(text.slice(q.end, after.start)) ? after : null;
    result[i] = (own ?? before ?? after)?.value ?? null;
  });
  return result;
}
