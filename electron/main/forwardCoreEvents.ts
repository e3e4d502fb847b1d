import type { EventHub } from '../core/events/EventHub.ts';
import type { Logger } from '../core/log/logger.ts';
import { EVENT_CHANNEL, type IpcEventMessage } from '../preload/ipcEventChannel.ts';
import { isTrustedSender, type FrameLike } from './senderCheck.ts';

/** The parts of Electron's `WebContents` the forwarder uses. */
export interface EventTargetLike {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  readonly mainFrame: FrameLike;
}

/**
 * Pushes every core event to the window's renderer on `EVENT_CHANNEL` as `{ event, payload }`,
 * but only while that renderer shows a trusted origin, so a page that somehow navigated away
 * never receives app data. Returns the unsubscribe function.
 */
export function forwardCoreEvents(
  events: EventHub,
  getTarget: () => EventTargetLike | null,
  trustedOrigins: readonly string[],
  log: Logger,
): () => void {
  return events.onAny((event, payload) => {
    const target = getTarget();
    if (!target || target.isDestroyed()) return;
    if (!isTrustedSender(target.mainFrame, undefined, trustedOrigins)) {
      log.warn('event not forwarded: window shows an untrusted origin', { event });
      return;
    }
    const message: IpcEventMessage = { event, payload };
    target.send(EVENT_CHANNEL, message);
  });
}
