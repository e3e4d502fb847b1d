import { useMemo, useSyncExternalStore } from 'react';
import { viewFromHash, type View } from './views.ts';

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

/** The view named by the location hash; re-renders the caller when the hash changes. */
export function useView(): View {
  const hash = useSyncExternalStore(subscribeToHash, currentHash, currentHash);
  return useMemo(() => viewFromHash(hash), [hash]);
}
