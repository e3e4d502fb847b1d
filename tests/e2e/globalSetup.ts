import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { findElectronBinary } from '../../scripts/lib/electronBinary.mjs';
import { projectNode, projectPath, repoRoot } from '../../scripts/lib/projectNode.mjs';
import { buildRenderer } from '../../scripts/lib/rendererBuild.mjs';
import { DEMO_TEMPLATE_ENV, seedDemoTemplate } from './fixtures/demoServer.ts';
import { NO_ELECTRON_REASON } from './fixtures/electronApp.ts';

/**
 * Prepares what the specs run, once per `playwright test`:
 * 1. the app: with an Electron binary, `electron-vite build` (main, preload and the renderer in
 *    out/); without one, `vite build --config renderer/vite.config.ts` (out/renderer, browser
 *    mode) and the one-line notice that the electron project is skipped.
 *    ECABINET_E2E_SKIP_BUILD=1 reuses whatever out/ holds (for quick local reruns);
 * 2. the server's demo data, seeded once into a template directory that each test copies
 *    (tests/e2e/fixtures/demoServer.ts; its path reaches the workers in the environment).
 * Returns the teardown, which removes the template.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  buildApp(config);
  console.log('[e2e] seeding the demo server data once (server/seed)');
  const template = await seedDemoTemplate();
  process.env[DEMO_TEMPLATE_ENV] = template;
  return () => rm(template, { recursive: true, force: true });
}

function buildApp(config: FullConfig): void {
  const electron = findElectronBinary(repoRoot);
  const wantsElectron = config.projects.some((project) => project.name === 'electron');
  if (!electron && wantsElectron)
    console.log(
      `[e2e] electron project: ${NO_ELECTRON_REASON} (set ECABINET_ELECTRON_PATH or ELECTRON_OVERRIDE_DIST_PATH to run it)`,
    );
  if (process.env['ECABINET_E2E_SKIP_BUILD'] === '1') return;
  if (electron) {
    console.log('[e2e] building the app: electron-vite build');
    const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const result = spawnSync(projectNode(repoRoot), [cli, 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, PATH: projectPath(repoRoot) },
    });
    if (result.status !== 0) throw new Error('electron-vite build failed');
    return;
  }
  console.log('[e2e] building the renderer: vite build --config renderer/vite.config.ts');
  if (!buildRenderer(repoRoot)) throw new Error('renderer build failed');
}
