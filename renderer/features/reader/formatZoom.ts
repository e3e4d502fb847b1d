import type { Language } from '../../../shared/domain/settings.ts';
import { localeFor } from '../../i18n/localeFor.ts';

const formatters = new Map<Language, Intl.NumberFormat>();

/** A zoom percentage (e.g. 125) as the language writes it: "125%". */
export function formatZoom(percent: number, language: Language): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(localeFor(language), {
      style: 'percent',
      maximumFractionDigits: 0,
    });
    formatters.set(language, formatter);
  }
  return formatter.format(Math.round(percent) / 100);
}
