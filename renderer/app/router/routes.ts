/**
 * The screens reachable from the navigation. The hash is the only routing state: `#/settings`.
 * Anything unrecognised (empty hash, stale bookmark, typo) shows the default screen.
 */
export const ROUTES = ['meetings', 'ballots', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

export const DEFAULT_ROUTE: Route = 'meetings';

const routeSet: ReadonlySet<string> = new Set(ROUTES);

function isRoute(value: string): value is Route {
  return routeSet.has(value);
}

/** `#/settings` → `settings`; anything else → the default route. */
export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0] ?? '';
  return isRoute(name) ? name : DEFAULT_ROUTE;
}

/** The href of a route, for `<a href>`: same document, so no navigation leaves the app. */
export function hrefFor(route: Route): string {
  return `#/${route}`;
}
