import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/router/routes.ts';
import { useSettingsStore } from '../settings/settingsStore.ts';

/**
 * What the list shows when the core lists no meetings: plainly that none are on this device,
 * and which server they would come from. It never pretends a list is on its way.
 */
export function MeetingsEmptyState() {
  const { t } = useTranslation();
  const serverUrl = useSettingsStore((state) => state.settings?.serverUrl ?? '');

  return (
    <div className="empty-state" data-testid="meetings-empty">
      <h2 className="empty-state__title">{t('meetings.empty.title')}</h2>
      <p className="empty-state__body">
        {serverUrl === '' ? t('meetings.empty.noServer') : t('meetings.empty.withServer')}
      </p>
      {serverUrl === '' ? null : (
        <p className="empty-state__server">
          {t('meetings.empty.configuredServer')}{' '}
          <span className="empty-state__url" data-testid="meetings-server-url">
            {serverUrl}
          </span>
        </p>
      )}
      <a
        className="button button--primary"
        href={hrefFor('settings')}
        data-testid="meetings-open-settings"
      >
        {serverUrl === '' ? t('meetings.empty.openSettings') : t('meetings.empty.checkSettings')}
      </a>
    </div>
  );
}
