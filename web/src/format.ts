import type { ClaimValue } from './api';
import type { I18n } from './i18n';

const qualifierSign: Record<string, string> = { at_least: '≥ ', at_most: '≤ ', approx: '≈ ', exact: '' };

/** Units `Intl` knows by name, so they are written the locale's way (“363 MW” stays, “402 km”...). */
const intlUnits: Record<string, string> = { km: 'kilometer', t: 'ton', ha: 'hectare', percent: 'percent' };

let currencies: Set<string> | null = null;
/** Whether a unit is an ISO 4217 currency code the engine knows (USD, CNY; not TEU). */
function isCurrency(unit: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(unit);
}

/** A quantity as people read it, in the page's language: “US$62.2M”, “1.400 MW”, “≥ 30 %”, “×4”. */
export function formatQuantity(
  i18n: I18n,
  amount: number,
  unit: string | null | undefined,
  currency?: string | null,
): string {
  if (!currency && unit && isCurrency(unit)) currency = unit;
  if (currency) {
    try {
      return i18n.money(amount, currency);
    } catch {
      return `${i18n.number(amount)} ${currency}`;
    }
  }
  if (!unit || unit === 'count') return i18n.number(amount);
  // Power and energy read better in the larger unit from a thousand up: 1,400 MW is 1.4 GW.
  const larger = { MW: 'GW', MWh: 'GWh', kW: 'MW' }[unit];
  if (larger && Math.abs(amount) >= 1000) return `${i18n.number(amount / 1000)} ${larger}`;
  if (unit === 'multiple') return `×${i18n.number(amount)}`;
  const named = intlUnits[unit];
  if (named) {
    try {
      return i18n.number(amount, { style: 'unit', unit: named, unitDisplay: 'short' });
    } catch {
      // an older engine without the unit: written plainly below
    }
  }
  return `${i18n.number(amount)} ${unit}`;
}

/** A claim's value as people read it, with its qualifier (≥, ≤, ≈); `property` names enum values (sector, status). */
export function formatValue(
  i18n: I18n,
  value: ClaimValue,
  qualifier?: string | null,
  property?: string,
): string {
  const sign = qualifierSign[qualifier ?? 'exact'] ?? '';
  if (value.kind === 'quantity' && value.amount !== undefined)
    return sign + formatQuantity(i18n, value.amount, value.unit, value.currency);
  if (value.kind === 'date' && value.date) return sign + i18n.date(value.date);
  if (value.kind === 'enum' && value.value)
    return property === 'sector' ? i18n.sector(value.value) : i18n.status(value.value);
  return value.name ?? value.value ?? value.text ?? value.date ?? '';
}

/** A short label of a source for lists: its title, else the start of its text. */
export const sourceLabel = (s: { title: string | null; excerpt?: string; uri: string }) =>
  s.title ?? (s.excerpt ? s.excerpt.slice(0, 90) + (s.excerpt.length > 90 ? '…' : '') : s.uri);
