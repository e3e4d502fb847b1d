import { render, screen, type RenderResult } from '@testing-library/react';
import { App } from '../../renderer/app/App.tsx';
import { setBridgeForTests } from '../../renderer/ipc/getBridge.ts';
import type { FakeBridge } from './fakeBridge.ts';

/** Renders the whole app at `hash` with `bridge` installed (null: no host at all). */
export function renderApp(bridge: FakeBridge | null, hash = '#/meetings'): RenderResult {
  setBridgeForTests(bridge);
  window.location.hash = hash;
  return render(<App />);
}

/** Renders the app on Settings and waits until the core's settings fill the form. */
export async function renderSettings(bridge: FakeBridge): Promise<RenderResult> {
  const view = renderApp(bridge, '#/settings');
  await screen.findByTestId('settings-server-url');
  return view;
}
