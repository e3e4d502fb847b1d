import type { Language } from '../../shared/domain/settings.ts';
import { localeFor } from './localeFor.ts';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/**
 * Formats an instant (epoch ms) as the local weekday and date, day first:
 * "Thứ Bảy, 21/11/2026" in vi-VN, "Saturday, 21/11/2026" in en-GB.
 */
export function formatDay(epochMs: number, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeFor(language), {
      weekday: 'long',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    formatters.set(language, formatter);
  }
  return formatter.format(epochMs);
}
