import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcErrorCode } from '../../../shared/ipc/errors.ts';
import { useSessionStore } from './sessionStore.ts';

/**
 * The signed-in user (name and office) and the sign-out action, for the header. Renders
 * nothing while nobody is signed in. Names come from the server and are shown as text.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const logout = useSessionStore((state) => state.logout);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcErrorCode | null>(null);

  if (!user) return null;

  async function onLogout(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await logout();
    setBusy(false);
    if (!result.ok) setError(result.error.code);
  }

  return (
    <div className="user-menu" data-testid="user-menu">
      <div className="user-menu__who">
        <span className="user-menu__name" data-testid="user-name">
          {user.displayName}
        </span>
        {user.title === '' ? null : <span className="user-menu__title">{user.title}</span>}
      </div>
      <button
        type="button"
        className="button button--header"
        aria-disabled={busy}
        data-testid="logout"
        onClick={() => void onLogout()}
      >
        {busy ? t('session.loggingOut') : t('session.logout')}
      </button>
      {error ? (
        <p className="user-menu__error" role="alert">
          {t('session.logoutFailed', { reason: t(`errors.${error}`) })}
        </p>
      ) : null}
    </div>
  );
}
