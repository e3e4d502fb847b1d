import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../session/sessionStore.ts';
import { useOutboxStore } from './outboxStore.ts';

/**
 * Shown while the server refuses this app's protocol version: nothing more is sent until the
 * app is updated, and what the user writes stays safely on the device meanwhile.
 */
export function UpdateRequiredBanner() {
  const { t } = useTranslation();
  const signedIn = useSessionStore((state) => state.user !== null);
  const required = useOutboxStore(
    (state) => state.counts?.updateRequired ?? state.status?.updateRequired ?? false,
  );
  if (!signedIn || !required) return null;
  return (
    <div className="update-banner" role="alert" data-testid="update-required">
      {t('outbox.updateRequired')}
    </div>
  );
}
