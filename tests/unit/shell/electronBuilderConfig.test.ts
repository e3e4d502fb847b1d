import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml and app-builder-lib come with electron-builder; neither ships types, hence require.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(
    config: unknown,
    debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void },
  ): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  directories: { output: string; buildResources: string };
  electronFuses: Record<string, boolean>;
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string; hardenedRuntime: boolean; entitlements: string };
  linux: { target: string[]; icon: string; category: string; maintainer: string };
  extraResources: { from: string; to: string; filter: string[] }[];
}

const text = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
const config = yaml.load(text) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('ships what the core needs to make PDFs: pdf-lib and the fonts', () => {
    // The main bundle keeps dependencies external, so excluding pdf-lib would break the
    // annotation export and the evidence report in the packaged app only.
    expect(config.files.filter((pattern) => pattern.includes('pdf-lib'))).toEqual([]);
    expect(config.extraResources).toContainEqual(
      expect.objectContaining({ from: 'assets/fonts', to: 'assets/fonts' }),
    );
  });

  it('sets every security fuse of security.md', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the bundles into an asar, without maps or tests', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining([
        'out/main/**',
        'out/preload/**',
        'out/renderer/**',
        'package.json',
        '!**/*.map',
      ]),
    );
    expect(
      config.files.some((pattern) => pattern.startsWith('!') && pattern.includes('test')),
    ).toBe(true);
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('targets NSIS, DMG, AppImage and deb with the generated icons', () => {
    expect(config.appId).toBe('vn.gov.ecabinet');
    expect(config.productName).toBe('eCabinet');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.win.icon).toBe('build/icon.ico');
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.icon).toBe('build/icon.icns');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(
      readFileSync(new URL(`../../../${config.mac.entitlements}`, import.meta.url), 'utf8'),
    ).toContain('com.apple.security.cs.allow-jit');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.icon).toBe('build/icons');
    expect(config.linux.category).toBeTruthy();
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it("passes electron-builder's own schema validation", async () => {
    await expect(
      validateConfiguration(config, { isEnabled: false, add: () => {} }),
    ).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } },
        { isEnabled: false, add: () => {} },
      ),
    ).rejects.toThrow();
  });
});
