import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS, languageSchema, type Language } from '../../shared/domain/settings.ts';

/** The language the UI is showing now; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const parsed = languageSchema.safeParse(i18n.language);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS.language;
}
