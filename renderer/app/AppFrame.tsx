import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from '../features/connection/ConnectionIndicator.tsx';
import { ROUTES, hrefFor, type Route } from './router/routes.ts';

/**
 * Header (product name, connection state), navigation and the main region. After a route
 * change focus moves to the main region, so keyboard and screen-reader users land on the new
 * screen instead of staying on the link they activated.
 */
export function AppFrame({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(route);

  useEffect(() => {
    if (route !== firstRoute.current) {
      firstRoute.current = route;
      main.current?.focus();
    }
  }, [route]);

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
        <ConnectionIndicator />
      </header>
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
