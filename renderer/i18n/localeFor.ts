import type { Language } from '../../shared/domain/settings.ts';

/** BCP 47 locale for dates and numbers: vi-VN for Vietnamese, en-GB (day-first) for English. */
export function localeFor(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}
