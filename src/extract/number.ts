/**
 * Parses a written number whose separators depend on the language: "1,300.5" (en), "1.300,5" (es, pt),
 * "3,7" (pt decimal comma), "1.300" (es thousands). Returns NaN when the text is not a number.
 */
export function parseNumber(raw: string, language: string | null): number {
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
  // One mark followed by three digits: thousands or decimal, by the language's habit.
  const decimalComma = language === 'es' || language === 'pt';
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
