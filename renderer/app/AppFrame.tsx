import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from '../features/connection/ConnectionIndicator.tsx';
import { OfflineBanner } from '../features/connection/OfflineBanner.tsx';
import { NotificationsArea } from '../features/notifications/NotificationsArea.tsx';
import { SyncNowButton } from '../features/connection/SyncNowButton.tsx';
import { SyncPanelToggle } from '../features/outbox/SyncPanelToggle.tsx';
import { UpdateRequiredBanner } from '../features/outbox/UpdateRequiredBanner.tsx';
import { UserMenu } from '../features/session/UserMenu.tsx';
import { useSessionStore } from '../features/session/sessionStore.ts';
import { ROUTES, hrefFor, type Route } from './router/routes.ts';

/**
 * Header (product name, connection state, sync, the changes waiting for the server and the
 * sync panel, the signed-in user), the offline and "update the app" banners,
 * navigation and the main region. After a view change focus moves to the main region, so
 * keyboard and screen-reader users land on the new screen instead of staying on the link they
 * activated. `route` is the navigation entry to mark; `viewKey` names the exact view.
 */
export function AppFrame({
  route,
  viewKey,
  children,
}: {
  route: Route;
  viewKey: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const firstView = useRef(viewKey);
  const signedIn = useSessionStore((state) => state.user !== null);

  useEffect(() => {
    if (viewKey !== firstView.current) {
      firstView.current = viewKey;
      main.current?.focus();
    }
  }, [viewKey]);

  const pageTitle = t(`nav.${route}`);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: pageTitle });
  }, [t, pageTitle]);

  return (
    <div className="app">
      {/* A button, not an `#id` link: the hash belongs to the router. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {t('app.skipToContent')}
      </button>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__name" data-testid="app-name">
            {t('app.name')}
          </span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        <div className="app-header__tools">
          <ConnectionIndicator />
          {signedIn ? <SyncNowButton /> : null}
          {signedIn ? <SyncPanelToggle /> : null}
          <UserMenu />
        </div>
      </header>
      <OfflineBanner />
      <UpdateRequiredBanner />
      {signedIn ? <NotificationsArea /> : null}
      <div className="app-body">
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul className="app-nav__list">
            {ROUTES.map((item) => (
              <li key={item}>
                <a
                  className="app-nav__link"
                  href={hrefFor(item)}
                  aria-current={item === route ? 'page' : undefined}
                  data-testid={`nav-${item}`}
                >
                  {t(`nav.${item}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main ref={main} className="app-main" tabIndex={-1} data-testid="app-main">
          {children}
        </main>
      </div>
    </div>
  );
}
