import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import {
  ALLOWED_PERMISSIONS,
  applyPermissionPolicy,
  denyDevicePickers,
  isPermissionAllowed,
} from '../../../electron/main/permissionPolicy.ts';

vi.mock('electron', () => ({}));

const trusted = ['app://ecabinet'];

function installed() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  applyPermissionPolicy(session, trusted, silentLogger);
  const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl?: string },
  ) => void;
  const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
    contents: unknown,
    permission: string,
    origin: string,
    details: { requestingUrl?: string },
  ) => boolean;
  const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (
    details: unknown,
  ) => boolean;
  return { request, check, device };
}

const DENIED = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'display-capture',
  'fullscreen',
  'hid',
  'serial',
  'usb',
  'midi',
  'pointerLock',
  'openExternal',
  'unknown',
];

describe('permission policy', () => {
  it('allows only the documented list', () => {
    expect(ALLOWED_PERMISSIONS).toEqual(['clipboard-sanitized-write']);
  });

  it.each(DENIED)('denies the request for %s', (permission) => {
    const { request } = installed();
    const callback = vi.fn();
    request({}, permission, callback, { requestingUrl: 'app://ecabinet/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(DENIED)('denies the check for %s', (permission) => {
    const { check } = installed();
    expect(
      check({}, permission, 'app://ecabinet', { requestingUrl: 'app://ecabinet/index.html' }),
    ).toBe(false);
  });

  it('grants sanitized clipboard writes to our origin only', () => {
    const { request, check } = installed();
    const callback = vi.fn();
    request({}, 'clipboard-sanitized-write', callback, {
      requestingUrl: 'app://ecabinet/index.html',
    });
    request({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://evil.example/' });
    request({}, 'clipboard-sanitized-write', callback, {});
    expect(callback.mock.calls).toEqual([[true], [false], [false]]);
    expect(check({}, 'clipboard-sanitized-write', 'app://ecabinet', {})).toBe(true);
    expect(check({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'file:///x', trusted)).toBe(false);
  });

  it('denies every device permission', () => {
    const { device } = installed();
    expect(device({ deviceType: 'usb', origin: 'app://ecabinet' })).toBe(false);
  });

  it('cancels every Bluetooth device pick', () => {
    const contents = new EventEmitter();
    denyDevicePickers(contents);
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'a' }], callback);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith('');
  });
});
