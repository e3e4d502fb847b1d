import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SERVER_URL_LENGTH } from '../../../shared/domain/settings.ts';
import { ServerUrlInput } from '../settings/ServerUrlInput.tsx';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { hrefFor } from '../../app/router/routes.ts';
import { useSettingsStore } from '../settings/settingsStore.ts';
import { validateServerUrl } from '../settings/validateServerUrl.ts';
import { LoginError } from './LoginError.tsx';
import { useSessionStore } from './sessionStore.ts';

/** Longest username and password the contract accepts (`session:login`). */
const MAX_USERNAME_LENGTH = 64;
const MAX_PASSWORD_LENGTH = 1024;

type FieldIssue = 'serverUrl' | 'username' | 'password';

/** The fields that are not fit to submit now. */
function issuesOf(serverOk: boolean, username: string, password: string): Set<FieldIssue> {
  const found = new Set<FieldIssue>();
  if (!serverOk) found.add('serverUrl');
  if (username.trim() === '') found.add('username');
  if (password === '') found.add('password');
  return found;
}

/**
 * The sign-in screen, shown instead of the meetings while nobody is signed in. The server
 * address is edited here too (saved through `settings:set` before the login, so first-run users
 * need not visit Settings). Invariant: the password lives only in this component's state and is
 * cleared after every attempt that reached the server; it never enters a store.
 */
export function LoginScreen() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const saveSettings = useSettingsStore((state) => state.save);
  const login = useSessionStore((state) => state.login);
  const endedReason = useSessionStore((state) => state.endedReason);
  const ids = {
    server: useId(),
    serverError: useId(),
    user: useId(),
    userError: useId(),
    password: useId(),
    passwordError: useId(),
  };
  const serverInput = useRef<HTMLInputElement>(null);
  const userInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  // null until edited: the field then follows the stored settings (see SettingsForm).
  const [serverDraft, setServerDraft] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Field messages appear after the first submit, then follow every keystroke.
  const [showIssues, setShowIssues] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);

  const serverUrl = serverDraft ?? settings?.serverUrl ?? '';
  const serverCheck = validateServerUrl(serverUrl);
  const current = issuesOf(serverCheck.ok && serverCheck.value !== '', username, password);
  const issues: ReadonlySet<FieldIssue> = showIssues ? current : new Set();
  const serverIssue = !issues.has('serverUrl')
    ? null
    : !serverCheck.ok
      ? t(`validation.serverUrl.${serverCheck.issue}`, { max: MAX_SERVER_URL_LENGTH })
      : t('login.server.required');

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting) return;
    // 1. Check the fields here; the core checks them again.
    setShowIssues(true);
    if (current.size > 0) {
      const first = current.has('serverUrl')
        ? serverInput
        : current.has('username')
          ? userInput
          : passwordInput;
      first.current?.focus();
      return;
    }
    setSubmitting(true);
    setError(null);
    // 2. A changed server address is saved first: the core signs in against the stored one.
    if (serverCheck.ok && serverCheck.value !== settings?.serverUrl) {
      const saved = await saveSettings({ serverUrl: serverCheck.value });
      if (!saved.ok) {
        setSubmitting(false);
        setError(saved.error.code);
        return;
      }
      setServerDraft(null);
    }
    // 3. Sign in. On success the session store switches the app to the meetings.
    const result = await login(username.trim(), password);
    if (result.ok) return;
    setSubmitting(false);
    setPassword('');
    // The emptied password field is not a mistake of the user's: no "enter your password".
    setShowIssues(false);
    setError(result.error.code);
    if (result.error.code === 'INVALID_CREDENTIALS') passwordInput.current?.focus();
  }

  const describe = (issue: FieldIssue, errorId: string): string | undefined =>
    issues.has(issue) ? errorId : undefined;

  return (
    <section
      className="screen screen--narrow"
      aria-labelledby="login-title"
      data-testid="login-screen"
    >
      <h1 id="login-title" className="screen__title">
        {t('login.title')}
      </h1>
      <p className="muted">{t('login.intro')}</p>
      <LoginError
        code={error}
        endedReason={error === null ? endedReason : null}
        serverUrl={settings?.serverUrl ?? ''}
      />
      <form
        className="panel"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-labelledby="login-title"
      >
        <div className="field">
          <label className="field__label" htmlFor={ids.server}>
            {t('login.server.label')}
          </label>
          <ServerUrlInput
            ref={serverInput}
            id={ids.server}
            value={serverUrl}
            invalid={Boolean(serverIssue)}
            describedBy={describe('serverUrl', ids.serverError)}
            testId="login-server-url"
            onChange={setServerDraft}
          />
          {serverIssue ? (
            <p id={ids.serverError} className="field__error">
              {serverIssue}
            </p>
          ) : null}
          <p className="field__hint">
            {t('login.server.hint')}{' '}
            <a href={hrefFor('settings')} data-testid="login-open-settings">
              {t('login.server.openSettings')}
            </a>
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.user}>
            {t('login.username.label')}
          </label>
          <input
            ref={userInput}
            id={ids.user}
            name="username"
            className="field__input"
            type="text"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={MAX_USERNAME_LENGTH}
            value={username}
            aria-invalid={issues.has('username') ? true : undefined}
            aria-describedby={describe('username', ids.userError)}
            data-testid="login-username"
            onChange={(event) => setUsername(event.target.value)}
          />
          {issues.has('username') ? (
            <p id={ids.userError} className="field__error">
              {t('login.username.required')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.password}>
            {t('login.password.label')}
          </label>
          <input
            ref={passwordInput}
            id={ids.password}
            name="password"
            className="field__input"
            type="password"
            autoComplete="current-password"
            maxLength={MAX_PASSWORD_LENGTH}
            value={password}
            aria-invalid={issues.has('password') ? true : undefined}
            aria-describedby={describe('password', ids.passwordError)}
            data-testid="login-password"
            onChange={(event) => setPassword(event.target.value)}
          />
          {issues.has('password') ? (
            <p id={ids.passwordError} className="field__error">
              {t('login.password.required')}
            </p>
          ) : null}
        </div>
        <div className="panel__actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={submitting}
            data-testid="login-submit"
          >
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
