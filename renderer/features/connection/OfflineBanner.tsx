import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session/sessionStore.ts';
import { useConnectionStore } from './connectionStore.ts';

/**
 * Tells a signed-in user that the app is offline and that downloaded papers still open. Shown
 * only once the core has reported the state (not during start-up) and only while offline
 * ("connecting" is transient and already shown by the indicator).
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const signedIn = useSessionStore((state) => state.user !== null);
  const known = useConnectionStore((state) => state.known);
  const offline = useConnectionStore((state) => state.connection.state === 'offline');

  if (!signedIn || !known || !offline) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      {t('connection.offlineBanner')}
    </div>
  );
}
