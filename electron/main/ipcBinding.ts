import { CHANNELS } from '../../shared/ipc/channels.ts';
import type { Dispatch } from '../../shared/ipc/dispatch.ts';
import type { IpcErrorCode } from '../../shared/ipc/errors.ts';
import { err, type Result } from '../../shared/util/result.ts';
import type { Logger } from '../core/log/logger.ts';
import { originOf } from '../core/security/originOf.ts';
import { isTrustedSender, type FrameLike } from './senderCheck.ts';

/** The parts of Electron's `IpcMainInvokeEvent` the binding reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly mainFrame: unknown };
}

/** The parts of Electron's `ipcMain` the binding uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface BindIpcOptions {
  ipcMain: IpcMainLike;
  /** The core's single entry point; it refuses unknown channels and parses every input. */
  dispatch: Dispatch;
  trustedOrigins: readonly string[];
  log: Logger;
}

/**
 * Binds every contract channel once with `ipcMain.handle`. Each call: sender check (trusted
 * origin, main frame) → `FORBIDDEN_SENDER`; exactly one argument, else `INVALID_INPUT`; then
 * `dispatch`, which parses the input as `unknown`. Always resolves to a plain
 * `{ ok, value } | { ok: false, error: { code, message } }`, never rejects. Channels outside
 * the contract get no handler at all. Returns a function that removes the handlers.
 */
export function bindIpc(options: BindIpcOptions): () => void {
  const { ipcMain, dispatch, trustedOrigins, log } = options;
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, ...args): Promise<Result<unknown, IpcErrorCode>> => {
      if (!isTrustedSender(event.senderFrame, event.sender.mainFrame, trustedOrigins)) {
        log.warn('ipc call refused: untrusted sender', {
          channel,
          origin: senderOrigin(event.senderFrame),
        });
        return err('FORBIDDEN_SENDER', 'sender not allowed');
      }
      if (args.length !== 1) return err('INVALID_INPUT', 'expected exactly one argument');
      try {
        return await dispatch(channel, args[0]);
      } catch (error) {
        // dispatch never throws by contract; this keeps a raw Error from crossing anyway.
        log.error('ipc dispatch threw', { channel, error: String(error) });
        return err('INTERNAL', 'internal error');
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

function senderOrigin(frame: FrameLike | null): string | null {
  try {
    return frame ? originOf(frame.url) : null;
  } catch {
    return null;
  }
}
