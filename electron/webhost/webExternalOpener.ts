import { IpcError } from '../../shared/ipc/errors.ts';
import type { ExternalOpener } from '../core/external/externalUrlPolicy.ts';

/**
 * `shell:openExternal` in browser mode. The web host has no window to ask the user in, and it
 * does not launch programs on the user's behalf from a page. So the call answers
 * `NOT_AVAILABLE` (after the core's scheme allow-list: a refused scheme still answers
 * `{ opened: false }`); the page then asks the member itself and lets the browser open the link
 * in a new tab with no opener and no referrer (renderer/features/papers/openExternalLink.ts).
 */
export const webExternalOpener: ExternalOpener = {
  confirm: () =>
    Promise.reject(
      new IpcError('NOT_AVAILABLE', 'browser mode: links are opened by the browser itself'),
    ),
  open: () =>
    Promise.reject(
      new IpcError('NOT_AVAILABLE', 'browser mode: links are opened by the browser itself'),
    ),
};
