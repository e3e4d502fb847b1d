import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_SETTINGS, LANGUAGES, type Language } from '../../shared/domain/settings.ts';
import en from './en.json';
import vi from './vi.json';

/**
 * Every user-visible string lives in vi.json (the reference, Vietnamese first) and en.json.
 * `satisfies` makes the build fail when en.json lacks a key vi.json has; the key-parity test
 * also catches keys present only in en.json.
 */
export const resources = {
  vi: { translation: vi },
  en: { translation: en satisfies typeof vi },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

/** The one i18next instance of the renderer; react-i18next's hooks read it via the plugin. */
export const i18n: I18n = i18next.createInstance();

/**
 * Initialises i18n synchronously (resources are bundled, nothing to fetch) in `language`,
 * Vietnamese unless told otherwise. Idempotent: a second call only switches the language.
 */
export function initI18n(language: Language = DEFAULT_SETTINGS.language): I18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: DEFAULT_SETTINGS.language,
      supportedLngs: [...LANGUAGES],
      // React escapes every text node itself; escaping here too would show `&amp;` to users.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
      react: { useSuspense: false },
    });
  }
  applyLanguage(language);
  return i18n;
}

/**
 * Switches the whole UI to `language` at once (react-i18next re-renders every translated
 * component) and keeps `<html lang>` in step, so screen readers and hyphenation follow.
 */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
