import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../electron/core/log/logger.ts';
import { buildCsp } from '../../../electron/core/security/csp.ts';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  installAppProtocol,
  registerAppScheme,
} from '../../../electron/main/appProtocol.ts';

vi.mock('electron', () => ({}));

let dir: string;
let root: string;
const csp = buildCsp('https://sync.gov.vn');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecabinet-app-'));
  root = path.join(dir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>eCabinet</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(dir, 'secret.txt'), 'top secret');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handler = () =>
  createAppProtocolHandler({ rootDir: root, getCsp: () => csp, log: silentLogger });
const get = (url: string, method = 'GET') => handler()({ url, method });

describe('app:// scheme', () => {
  it('is registered standard, secure and fetchable, never bypassing CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('corsEnabled');
  });

  it('installs the handler for the app scheme', () => {
    const protocol = { handle: vi.fn() };
    installAppProtocol(protocol, { rootDir: root, getCsp: () => csp, log: silentLogger });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('app:// handler', () => {
  it('serves index.html for / with the CSP, nosniff and the right type', async () => {
    const response = await get('app://ecabinet/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>eCabinet</title>');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it.each([
    ['app://ecabinet/index.html', 'text/html; charset=utf-8'],
    ['app://ecabinet/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://ecabinet/assets/app.css', 'text/css; charset=utf-8'],
    ['app://ecabinet/assets/font.woff2', 'font/woff2'],
  ])('labels %s as %s', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('answers 404 with the same security headers for missing, refused and symlinked paths', async () => {
    for (const url of [
      'app://ecabinet/missing.js',
      'app://ecabinet/assets',
      'app://ecabinet/%2e%2e/secret.txt',
      'app://ecabinet/..%5csecret.txt',
      'app://evil/index.html',
      'app://ecabinet/assets/link.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('top secret');
      expect(response.headers.get('content-security-policy')).toBe(csp);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://ecabinet/index.html', 'POST')).status).toBe(405);
    const head = await get('app://ecabinet/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
