import type { Logger } from '../core/log/logger.ts';
import { originOf } from '../core/security/originOf.ts';

/**
 * The only web permissions the UI may use, each with its reason. Everything else (camera,
 * microphone, geolocation, notifications, clipboard read, HID/USB/serial, fullscreen, …) is
 * denied, both when the page asks and when it merely checks.
 * - `clipboard-sanitized-write`: "copy" of document references and verification codes.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/** True when `permission` is on the allow-list and asked for by a trusted origin. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  trustedOrigins: readonly string[],
): boolean {
  if (!ALLOWED_PERMISSIONS.includes(permission)) return false;
  if (!requestingUrl) return false;
  const origin = originOf(requestingUrl);
  return origin !== null && trustedOrigins.includes(origin);
}

/** The parts of Electron's `Session` the policy uses. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      webContents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { requestingUrl?: string },
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** Installs the deny-by-default request, check and device handlers on `session`. */
export function applyPermissionPolicy(
  session: PermissionSession,
  trustedOrigins: readonly string[],
  log: Logger,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = isPermissionAllowed(permission, details.requestingUrl, trustedOrigins);
    if (!granted) log.warn('permission request denied', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, trustedOrigins),
  );
  session.setDevicePermissionHandler(() => false);
}

/** The parts of Electron's `WebContents` that device pickers use. */
export interface DevicePickerContents {
  on(
    event: 'select-bluetooth-device',
    listener: (
      event: { preventDefault(): void },
      devices: unknown,
      callback: (deviceId: string) => void,
    ) => void,
  ): unknown;
}

/**
 * Web Bluetooth is not gated by a permission: without a handler Electron picks the first
 * device found. Cancel every pick instead (an empty id cancels).
 */
export function denyDevicePickers(contents: DevicePickerContents): void {
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
