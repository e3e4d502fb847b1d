import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useConnectionStore } from '../../renderer/features/connection/connectionStore.ts';
import { resetMeetings } from '../../renderer/features/meetings/meetingsStore.ts';
import { resetOutbox } from '../../renderer/features/outbox/outboxStore.ts';
import { useSessionStore } from '../../renderer/features/session/sessionStore.ts';
import { useSettingsStore } from '../../renderer/features/settings/settingsStore.ts';
import { applyLanguage, initI18n } from '../../renderer/i18n/index.ts';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';

// Every renderer test starts in Vietnamese (the product default) with no bridge, empty
// stores and no route in the hash; each test installs the fake bridge it needs.
initI18n('vi');

afterEach(() => {
  cleanup();
  setBridgeForTests(null);
  useSettingsStore.setState(useSettingsStore.getInitialState(), true);
  useConnectionStore.setState(useConnectionStore.getInitialState(), true);
  useSessionStore.setState(useSessionStore.getInitialState(), true);
  resetMeetings();
  resetOutbox();
  applyLanguage('vi');
  window.location.hash = '';
});
