import { useEffect } from 'react';
import { BallotDetailScreen } from '../features/ballots/BallotDetailScreen.tsx';
import { BallotsScreen } from '../features/ballots/BallotsScreen.tsx';
import { startConnectionSync } from '../features/connection/connectionStore.ts';
import { MeetingDetailScreen } from '../features/meetings/MeetingDetailScreen.tsx';
import { MeetingsScreen } from '../features/meetings/MeetingsScreen.tsx';
import { startMeetingsSync } from '../features/meetings/meetingsStore.ts';
import { startOutboxSync } from '../features/outbox/outboxStore.ts';
import { PaperScreen } from '../features/papers/PaperScreen.tsx';
import { SessionGate } from '../features/session/SessionGate.tsx';
import { startSessionSync, useSessionStore } from '../features/session/sessionStore.ts';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { startSettingsSync } from '../features/settings/settingsStore.ts';
import { loadPdfjsDocument } from '../pdf/loadPdfjsDocument.ts';
import { AppFrame } from './AppFrame.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useView } from './router/useView.ts';
import { sectionOf, viewKey, type View } from './router/views.ts';

/** The screen for a view. Everything but Settings needs a signed-in user (see SessionGate). */
function screenFor(view: View) {
  switch (view.name) {
    case 'settings':
      return <SettingsScreen />;
    case 'meetings':
      return (
        <SessionGate>
          <MeetingsScreen />
        </SessionGate>
      );
    case 'meeting':
      return (
        <SessionGate>
          <MeetingDetailScreen meetingId={view.meetingId} />
        </SessionGate>
      );
    case 'paper':
      return (
        <SessionGate>
          <PaperScreen documentId={view.documentId} meetingId={view.meetingId} />
        </SessionGate>
      );
    case 'ballots':
      return (
        <SessionGate>
          <BallotsScreen />
        </SessionGate>
      );
    case 'ballot':
      return (
        <SessionGate>
          <BallotDetailScreen ballotId={view.ballotId} />
        </SessionGate>
      );
  }
}

/** The renderer's root: starts the stores' links to the core and shows the current view. */
export function App() {
  const view = useView();
  const key = viewKey(view);
  const signedIn = useSessionStore((state) => state.user !== null);

  useEffect(() => {
    const stops = [
      startSettingsSync(),
      startConnectionSync(),
      startSessionSync(),
      startMeetingsSync(),
      startOutboxSync(),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);

  // Papers are a click or two away once a member is signed in: the reader's engine starts and
  // warms up now, in the background, so the first paper opens on a warm engine.
  useEffect(() => {
    if (signedIn) loadPdfjsDocument.prepare?.(true);
  }, [signedIn]);

  return (
    <AppFrame route={sectionOf(view)} viewKey={key}>
      {/* Keyed by view: leaving a screen that failed to render gives the next one a fresh start. */}
      <ErrorBoundary key={key}>{screenFor(view)}</ErrorBoundary>
    </AppFrame>
  );
}
