import type { Language } from '../../shared/domain/settings.ts';
import { localeFor } from './localeFor.ts';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/**
 * Formats an instant (epoch ms) as a local date and time, day first with a 24-hour clock:
 * "07:05 21/11/2025" in vi-VN, "21/11/2025, 07:05" in en-GB.
 */
export function formatDateTime(epochMs: number, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeFor(language), {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(language, formatter);
  }
  return formatter.format(epochMs);
}
