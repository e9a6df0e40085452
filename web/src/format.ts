import type { Claim } from './api';

/** A claim's value as people read it: "≥ 596,200,000,000 USD", "2023-09", "operational". */
export function formatValue(claim: Claim, locale = 'en'): string {
  const v = claim.value;
  const qualifier =
    { at_least: '≥ ', at_most: '≤ ', approx: '≈ ', exact: '' }[claim.qualifier ?? 'exact'] ?? '';
  if (v.kind === 'quantity' && v.amount !== undefined) {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v.amount);
    return `${qualifier}${number} ${v.unit ?? ''}`.trim();
  }
  return v.date ?? v.name ?? v.value ?? v.text ?? '';
}

/** A short label of a source for lists: its title, else the start of its text. */
export const sourceLabel = (s: { title: string | null; excerpt?: string; uri: string }) =>
  s.title ?? (s.excerpt ? s.excerpt.slice(0, 90) + (s.excerpt.length > 90 ? '…' : '') : s.uri);
