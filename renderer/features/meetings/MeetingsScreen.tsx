import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/router/routes.ts';
import { useSettingsStore } from '../settings/settingsStore.ts';

/**
 * The meetings list. Meetings do not sync yet, so this says plainly that none are on this
 * device and where the server is configured; it never pretends a list is loading.
 */
export function MeetingsScreen() {
  const { t } = useTranslation();
  const serverUrl = useSettingsStore((state) => state.settings?.serverUrl ?? '');

  return (
    <section className="screen" aria-labelledby="meetings-title" data-testid="meetings-screen">
      <h1 id="meetings-title" className="screen__title">
        {t('meetings.title')}
      </h1>
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
    </section>
  );
}
