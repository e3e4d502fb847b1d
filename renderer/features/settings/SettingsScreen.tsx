import { useTranslation } from 'react-i18next';
import { CertificateImport } from './CertificateImport.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { useSettingsStore } from './settingsStore.ts';

/** The Settings page: waits for the core's settings, then shows the form. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const loadStatus = useSettingsStore((state) => state.loadStatus);
  const loadError = useSettingsStore((state) => state.loadError);
  const load = useSettingsStore((state) => state.load);

  return (
    <section className="screen" aria-labelledby="settings-title" data-testid="settings-screen">
      <h1 id="settings-title" className="screen__title">
        {t('settings.title')}
      </h1>
      {settings ? (
        <>
          <SettingsForm settings={settings} />
          <CertificateImport />
        </>
      ) : loadStatus === 'failed' && loadError ? (
        <div className="notice notice--error" role="alert" data-testid="settings-load-error">
          <p>{t('settings.loadFailed')}</p>
          <p>{t(`errors.${loadError}`)}</p>
          <p className="notice__code">{t('settings.status.errorCode', { code: loadError })}</p>
          <button
            type="button"
            className="button"
            data-testid="settings-retry"
            onClick={() => void load()}
          >
            {t('settings.retry')}
          </button>
        </div>
      ) : (
        <p className="muted" role="status" data-testid="settings-loading">
          {t('settings.loading')}
        </p>
      )}
    </section>
  );
}
