import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginScreen } from './LoginScreen.tsx';
import { useSessionStore } from './sessionStore.ts';

/**
 * Shows `children` only to a signed-in user: while the core has not said who is signed in it
 * says so, when nobody is it shows the login screen, and when it could not ask it offers a retry.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useSessionStore((state) => state.user);
  const loadStatus = useSessionStore((state) => state.loadStatus);
  const loadError = useSessionStore((state) => state.loadError);
  const load = useSessionStore((state) => state.load);

  if (user) return children;
  if (loadStatus === 'ready') return <LoginScreen />;
  if (loadStatus === 'failed' && loadError)
    return (
      <div className="notice notice--error" role="alert" data-testid="session-load-error">
        <p>{t('session.loadFailed')}</p>
        <p>{t(`errors.${loadError}`)}</p>
        <p className="notice__code">{t('settings.status.errorCode', { code: loadError })}</p>
        <button type="button" className="button" onClick={() => void load()}>
          {t('settings.retry')}
        </button>
      </div>
    );
  return (
    <p className="muted" role="status" data-testid="session-loading">
      {t('session.loading')}
    </p>
  );
}
