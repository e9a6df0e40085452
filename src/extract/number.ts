/** How a document writes its numbers: a dot or a comma as the decimal mark (Mexico writes "1,684.5"). */
export type NumberStyle = 'dot-decimal' | 'comma-decimal';

// Numbers whose marks can be read one way only: several groups, a mark with one or two digits after it, or
// ",000" (nobody writes 100,000 for a hundred).
const styleEvidence: [RegExp, NumberStyle][] = [
  [
    /(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d,])|(?<![\d.,])\d{1,3},000(?![\d.,])|(?<![\d.,])\d+\.\d{1,2}(?![\d.,])/gu,
    'dot-decimal',
  ],
  [
    /(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.])|(?<![\d.,])\d{1,3}\.000(?![\d.,])|(?<![\d.,])\d+,\d{1,2}(?![\d.,])/gu,
    'comma-decimal',
  ],
];

/**
 * The number style a document shows where its numbers are unambiguous, when one style clearly wins (two to
 * one or better); null when the text does not say. It settles "1,684 millones" (Mexico) versus "1,684" (Spain).
 */
export function numberStyle(text: string): NumberStyle | null {
  const votes = styleEvidence.map(([re]) => text.match(re)?.length ?? 0);
  const [dot = 0, comma = 0] = votes;
  if (dot >= 1 && dot >= 2 * comma) return 'dot-decimal';
  if (comma >= 1 && comma >= 2 * dot) return 'comma-decimal';
  return null;
}

/**
 * Parses a written number whose separators depend on the language: "1,300.5" (en), "1.300,5" (es, pt),
 * "3,7" (pt decimal comma), "1.300" (es thousands). A mark followed by three digits is read by the document's
 * number style when known, else by the language's habit (`decimalMark`, its pack's); "000" after it always means
 * thousands. Digit groups may be separated by spaces ("1 500"). Returns NaN when the text is not a number.
 */
export function parseNumber(raw: string, decimalMark: '.' | ',', style: NumberStyle | null = null): number {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return Number.NaN;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return Number(text);
  if (dots > 0 && commas > 0) {
    // Both kinds: the last one is the decimal mark.
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    return toNumber(text, decimal);
  }
  const mark = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return groupsOfThree(text, mark) ? Number(text.split(mark).join('')) : Number.NaN;
  const after = text.length - text.indexOf(mark) - 1;
  if (after !== 3) return toNumber(text, mark);
  // One mark followed by three digits: thousands or decimal, by the document's style or the language's habit.
  if (text.endsWith('000')) return Number(text.replace(mark, ''));
  const decimalComma = style ? style === 'comma-decimal' : decimalMark === ',';
  return toNumber(text, decimalComma ? ',' : '.');
}

function toNumber(text: string, decimal: '.' | ','): number {
  const thousands = decimal === '.' ? ',' : '.';
  const [whole = '', fraction] = text.split(decimal);
  if (fraction !== undefined && text.split(decimal).length > 2) return Number.NaN;
  if (whole.includes(thousands) && !groupsOfThree(whole, thousands)) return Number.NaN;
  return Number(`${whole.split(thousands).join('')}${fraction === undefined ? '' : `.${fraction}`}`);
}

function groupsOfThree(text: string, mark: string): boolean {
  const [head = '', ...rest] = text.split(mark);
  return head.length >= 1 && head.length <= 3 && rest.every((group) => /^\d{3}$/.test(group));
}
