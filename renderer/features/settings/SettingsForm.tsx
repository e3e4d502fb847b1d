import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  MAX_SERVER_URL_LENGTH,
  languageSchema,
  type Language,
  type Settings,
} from '../../../shared/domain/settings.ts';
import { SaveStatus, type SaveState } from './SaveStatus.tsx';
import { useSettingsStore } from './settingsStore.ts';
import { validateServerUrl } from './validateServerUrl.ts';
import { ServerUrlInput } from './ServerUrlInput.tsx';

/**
 * The settings form. The server URL is saved with the Save button; the language applies (and
 * is saved) as soon as it is chosen. Invariant: `draft` is null until the user edits the URL,
 * and the field then shows the stored value, so a `settings:changed` from elsewhere shows up
 * in an untouched field and never overwrites what the user is typing.
 */
export function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSettingsStore((state) => state.save);
  const ids = {
    url: useId(),
    urlHint: useId(),
    urlError: useId(),
    language: useId(),
    languageHint: useId(),
  };
  const urlInput = useRef<HTMLInputElement>(null);

  const [draft, setDraft] = useState<string | null>(null);
  // Errors show once the user leaves the field or tries to save, then follow every keystroke.
  const [showUrlError, setShowUrlError] = useState(false);
  const [pendingLanguage, setPendingLanguage] = useState<Language | null>(null);
  const [status, setStatus] = useState<SaveState>({ kind: 'idle' });

  const serverUrl = draft ?? settings.serverUrl;
  const check = validateServerUrl(serverUrl);
  const urlIssue = showUrlError && !check.ok ? check.issue : null;
  const saving = status.kind === 'saving';

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (saving) return;
    if (!check.ok) {
      setShowUrlError(true);
      urlInput.current?.focus();
      return;
    }
    setStatus({ kind: 'saving' });
    const result = await save({ serverUrl: check.value });
    if (result.ok) {
      setDraft(null);
      setShowUrlError(false);
      setStatus({
        kind: 'saved',
        what: result.value.serverUrl === '' ? 'serverCleared' : 'server',
      });
    } else {
      setStatus({ kind: 'error', code: result.error.code });
    }
  }

  async function onLanguageChange(event: ChangeEvent<HTMLSelectElement>): Promise<void> {
    const parsed = languageSchema.safeParse(event.target.value);
    if (!parsed.success) return;
    setPendingLanguage(parsed.data);
    setStatus({ kind: 'saving' });
    const result = await save({ language: parsed.data });
    setPendingLanguage(null);
    setStatus(
      result.ok ? { kind: 'saved', what: 'language' } : { kind: 'error', code: result.error.code },
    );
  }

  return (
    <>
      <form
        className="panel"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-labelledby="settings-server-heading"
      >
        <h2 id="settings-server-heading" className="panel__title">
          {t('settings.server.heading')}
        </h2>
        <div className="field">
          <label className="field__label" htmlFor={ids.url}>
            {t('settings.server.label')}
          </label>
          <ServerUrlInput
            ref={urlInput}
            id={ids.url}
            value={serverUrl}
            invalid={Boolean(urlIssue)}
            describedBy={urlIssue ? `${ids.urlError} ${ids.urlHint}` : ids.urlHint}
            testId="settings-server-url"
            onChange={setDraft}
            onBlur={() => {
              if (draft !== null) setShowUrlError(true);
            }}
          />
          {urlIssue ? (
            <p id={ids.urlError} className="field__error" data-testid="settings-server-url-error">
              {t(`validation.serverUrl.${urlIssue}`, { max: MAX_SERVER_URL_LENGTH })}
            </p>
          ) : null}
          <p id={ids.urlHint} className="field__hint">
            {t('settings.server.hint')}
          </p>
        </div>
        <div className="panel__actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={saving}
            data-testid="settings-save"
          >
            {saving ? t('settings.server.saving') : t('settings.server.save')}
          </button>
        </div>
      </form>

      <div className="panel" role="group" aria-labelledby="settings-language-heading">
        <h2 id="settings-language-heading" className="panel__title">
          {t('settings.language.heading')}
        </h2>
        <div className="field">
          <label className="field__label" htmlFor={ids.language}>
            {t('settings.language.label')}
          </label>
          <select
            id={ids.language}
            name="language"
            className="field__select"
            value={pendingLanguage ?? settings.language}
            aria-describedby={ids.languageHint}
            data-testid="settings-language"
            onChange={(event) => void onLanguageChange(event)}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
          <p id={ids.languageHint} className="field__hint">
            {t('settings.language.hint')}
          </p>
        </div>
      </div>

      <SaveStatus status={status} />
    </>
  );
}
