import { useEffect } from 'react';
import { startConnectionSync } from '../features/connection/connectionStore.ts';
import { MeetingsScreen } from '../features/meetings/MeetingsScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { startSettingsSync } from '../features/settings/settingsStore.ts';
import { AppFrame } from './AppFrame.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import type { Route } from './router/routes.ts';
import { useRoute } from './router/useRoute.ts';

function screenFor(route: Route) {
  switch (route) {
    case 'meetings':
      return <MeetingsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** The renderer's root: starts the stores' links to the core and shows the current route. */
export function App() {
  const route = useRoute();

  useEffect(() => {
    const stopSettings = startSettingsSync();
    const stopConnection = startConnectionSync();
    return () => {
      stopSettings();
      stopConnection();
    };
  }, []);

  return (
    <AppFrame route={route}>
      {/* Keyed by route: leaving a screen that failed to render gives the next one a fresh start. */}
      <ErrorBoundary key={route}>{screenFor(route)}</ErrorBoundary>
    </AppFrame>
  );
}
