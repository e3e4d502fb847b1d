import type { Language } from '../../shared/domain/settings.ts';
import { localeFor } from './localeFor.ts';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/** Formats an instant (epoch ms) as the local time of day on a 24-hour clock: "09:05". */
export function formatTime(epochMs: number, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(localeFor(language), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(language, formatter);
  }
  return formatter.format(epochMs);
}
