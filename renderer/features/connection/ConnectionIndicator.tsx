import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/formatDateTime.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useConnectionStore } from './connectionStore.ts';

/**
 * Connection state and last sync, for the header. The coloured dot is decoration: the state is
 * always also written out, so it does not depend on colour vision.
 */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state, lastSyncedAt } = useConnectionStore((store) => store.connection);

  return (
    <div
      className={`connection connection--${state}`}
      role="status"
      aria-live="polite"
      aria-label={t('connection.label')}
      data-testid="connection-indicator"
      data-state={state}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__state">{t(`connection.state.${state}`)}</span>
      <span className="connection__synced" data-testid="connection-last-synced">
        {lastSyncedAt === null
          ? t('connection.neverSynced')
          : t('connection.lastSynced', { time: formatDateTime(lastSyncedAt, language) })}
      </span>
    </div>
  );
}
