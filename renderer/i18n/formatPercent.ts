import type { Language } from '../../shared/domain/settings.ts';
import { localeFor } from './localeFor.ts';

const formatters = new Map<Language, Intl.NumberFormat>();

/**
 * A fraction (0…1, clamped) as a whole percentage, rounded down so that progress never reads
 * "100%" before it is complete: 0.996 → "99%".
 */
export function formatPercent(fraction: number, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(localeFor(language), {
      style: 'percent',
      maximumFractionDigits: 0,
    });
    formatters.set(language, formatter);
  }
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return formatter.format(Math.floor(clamped * 100) / 100);
}
