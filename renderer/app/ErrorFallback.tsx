import { useTranslation } from 'react-i18next';

/** What a screen shows instead of itself after it failed to render. */
export function ErrorFallback() {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert" data-testid="screen-error">
      <h1 className="notice__title">{t('errorBoundary.title')}</h1>
      <p>{t('errorBoundary.body')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('errorBoundary.reload')}
      </button>
    </div>
  );
}
