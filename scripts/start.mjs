#!/usr/bin/env node
// `npm start`: the desktop app. Steps:
//   1. before-app steps (BEFORE_APP below; a later issue adds the embedded sync server with
//      demo data there), each may add environment variables for the app and a cleanup;
//   2. the Electron binary: found, or fetched (Electron 45 downloads it on first use);
//   3. with a binary: `electron-vite preview` (builds main, preload and renderer, launches);
//      without one: a clear message and browser mode (scripts/start-web.mjs) instead.
//
//   npm start -- [--data-dir <dir>] [--port <n>]     (the options apply to browser mode)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { obtainElectronBinary } from './lib/electronBinary.mjs';
import { projectNode, projectPath, repoRoot } from './lib/projectNode.mjs';
import { runWebMode, webModeArgs } from './start-web.mjs';

/**
 * Steps run before the app starts, in order. Each is
 *   { name, run: async () => ({ env?: Record<string, string>, cleanup?: () => Promise<void> | void }) }
 * `env` is passed to the app (Electron or the web host); `cleanup` runs when the app exits.
 */
const BEFORE_APP = [];

async function runBeforeApp() {
  const env = {};
  const cleanups = [];
  for (const step of BEFORE_APP) {
    console.log(`Starting: ${step.name}`);
    const result = (await step.run()) ?? {};
    Object.assign(env, result.env ?? {});
    if (result.cleanup) cleanups.unshift(result.cleanup);
  }
  return {
    env,
    cleanup: async () => {
      for (const cleanup of cleanups) await cleanup();
    },
  };
}

/** Builds and launches the desktop app with `electron-vite preview`; resolves with the exit code. */
function runElectron(electronPath, env) {
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(projectNode(repoRoot), [cli, 'preview'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ...env, PATH: projectPath(repoRoot), ELECTRON_EXEC_PATH: electronPath },
  });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolveExit) => {
    child.on('error', () => resolveExit(1));
    child.on('close', (code) => resolveExit(code ?? 1));
  });
}

async function main() {
  const webArgs = webModeArgs(process.argv.slice(2));
  const before = await runBeforeApp();
  let code;
  try {
    console.log('Looking for the Electron binary…');
    const timeoutMs = Number(process.env.ECABINET_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 120_000);
    const electron = await obtainElectronBinary(repoRoot, { timeoutMs });
    if (electron.path) {
      console.log(`Electron: ${electron.path}`);
      code = await runElectron(electron.path, before.env);
    } else {
      console.log('');
      console.log(`The Electron binary could not be downloaded (no internet?): ${electron.reason}`);
      console.log(
        'Falling back to browser mode: the same client core in Node, the interface on 127.0.0.1.',
      );
      console.log(
        '(Set ECABINET_ELECTRON_PATH or ELECTRON_OVERRIDE_DIST_PATH to use an Electron binary you already have.)',
      );
      code = await runWebMode({ ...webArgs, env: before.env });
    }
  } finally {
    await before.cleanup();
  }
  process.exitCode = code;
}

await main();
