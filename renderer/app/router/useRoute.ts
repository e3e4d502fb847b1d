import { useSyncExternalStore } from 'react';
import { routeFromHash, type Route } from './routes.ts';

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentRoute(): Route {
  return routeFromHash(window.location.hash);
}

/** The route named by the location hash; re-renders the caller when the hash changes. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribeToHash, currentRoute, currentRoute);
}
