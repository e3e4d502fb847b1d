import type { Page } from '@playwright/test';
import type { Channel } from '../../../shared/ipc/channels.ts';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/util/result.ts';

/**
 * Calls the core over the app's own bridge, from inside the app's window, as the renderer
 * would: `window.ecabinet.invoke` under Electron; in browser mode a second connection to the
 * web host's bridge WebSocket with the page's launch secret (the host checks Origin and secret
 * as for the app's own socket). For what the UI offers no control for yet.
 */
export async function invokeFromPage<C extends Channel>(
  page: Page,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await page.evaluate(
    async ({ channel, input }) => {
      const bridge = (window as { ecabinet?: { invoke(c: string, i: unknown): Promise<unknown> } })
        .ecabinet;
      if (bridge) return bridge.invoke(channel, input);
      const secret = sessionStorage.getItem('ecabinet.webBridge.secret');
      if (secret === null) throw new Error('no web bridge secret in this tab');
      const socket = new WebSocket(
        `ws://${location.host}/bridge?s=${encodeURIComponent(secret)}`,
      );
      return new Promise<unknown>((resolve, reject) => {
        const id = 1 + Math.floor(Math.random() * 1_000_000);
        const timer = setTimeout(() => reject(new Error('no answer from the host')), 30_000);
        socket.onopen = () => socket.send(JSON.stringify({ id, channel, input }));
        socket.onerror = () => reject(new Error('bridge socket failed'));
        socket.onmessage = (event) => {
          const frame = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
          if (frame.id !== id) return;
          clearTimeout(timer);
          socket.close();
          resolve(frame.result);
        };
      });
    },
    { channel, input },
  );
  const typed = result as Result<ChannelOutput<C>, string>;
  if (!typed.ok) throw new Error(`${channel} failed: ${JSON.stringify(typed.error)}`);
  return typed.value;
}
