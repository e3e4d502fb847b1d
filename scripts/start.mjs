#!/usr/bin/env node
// `npm start`: the desktop app. Steps:
//   1. before-app steps (BEFORE_APP below): the embedded sync server with demo data, unless a
//      server is given; each step may add environment variables for the app and a cleanup;
//   2. the Electron binary: found, or fetched (Electron 45 downloads it on first use);
//   3. with a binary: `electron-vite preview` (builds main, preload and renderer, launches);
//      without one: a clear message and browser mode (scripts/start-web.mjs) instead;
//   4. when the app exits (or Ctrl+C / SIGTERM ends it): the cleanups, in reverse order.
//
//   npm start -- [--data-dir <dir>] [--port <n>] [--no-server]
//
// --data-dir and --port apply to browser mode. The server: ECABINET_SERVER_URL=<url> uses that
// server instead of the embedded one; --no-server starts none (the app uses what its settings
// hold). The embedded one keeps its data in .data/server (ECABINET_SERVER_DATA_DIR elsewhere).
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  EMBEDDED_SERVER_DATA_DIR,
  EMBEDDED_SERVER_PORT,
  startEmbeddedServer,
} from './lib/embeddedServer.mjs';
import { obtainElectronBinary } from './lib/electronBinary.mjs';
import { projectNode, projectPath, repoRoot } from './lib/projectNode.mjs';
import { runWebMode, webModeArgs } from './start-web.mjs';

/** The variable the app reads to pre-fill its server URL (electron/core/settings/applyDefaultServerUrl.ts). */
const DEFAULT_SERVER_URL_ENV = 'ECABINET_DEFAULT_SERVER_URL';

/** Set on SIGINT/SIGTERM. */
let shuttingDown = false;

/** The server step: the given server, or the embedded one with demo data. */
const serverStep = {
  name: 'the sync server',
  run: async ({ noServer }) => {
    if (noServer) {
      console.log('No server started (--no-server): the app uses the server in its settings.');
      return {};
    }
    const given = process.env.ECABINET_SERVER_URL?.trim();
    if (given) {
      console.log(`Server: ${given} (ECABINET_SERVER_URL; no embedded server)`);
      return { env: { [DEFAULT_SERVER_URL_ENV]: given } };
    }
    const dataDir = process.env.ECABINET_SERVER_DATA_DIR
      ? resolve(process.env.ECABINET_SERVER_DATA_DIR)
      : EMBEDDED_SERVER_DATA_DIR;
    const server = await startEmbeddedServer({
      dataDir,
      onUnexpectedExit: (code, signal) => {
        // Ctrl+C reaches the whole process group, the server included: not a surprise then.
        if (!shuttingDown)
          console.error(
            `\nThe embedded sync server stopped (${signal ?? `exit code ${code}`}); the app keeps working offline.`,
          );
      },
    });
    printServerBanner(server, dataDir);
    return { env: { [DEFAULT_SERVER_URL_ENV]: server.url }, cleanup: () => server.stop() };
  },
};

function printServerBanner(server, dataDir) {
  const rule = '─'.repeat(72);
  console.log(`\n${rule}`);
  console.log(`  Embedded sync server: ${server.url}   (data: ${dataDir})`);
  if (server.portFallback)
    console.log(
      `  Port ${EMBEDDED_SERVER_PORT} is taken, so it uses ${server.port}: if the app shows another address on the sign-in screen, enter this one.`,
    );
  console.log('  Demo: sign in with any of these accounts, password ' + DEMO_PASSWORD);
  for (const login of DEMO_LOGINS)
    console.log(`    ${login.username.padEnd(14)} ${login.role.padEnd(12)} ${login.who}`);
  console.log("  (the Government's 23 members and the rest: `npm run seed` lists every account)");
  if (server.pki) printSigningHelp(server.pki);
  console.log(`${rule}\n`);
}

/** Where the demo's certificates are, so that a member can import one and sign. */
function printSigningHelp(pki) {
  const member = DEMO_LOGINS.find((login) => login.role === 'member');
  const file = pki.members.find((m) => m.username === member?.username)?.p12;
  console.log('');
  console.log('  Signing written opinions (development certificates, never for real signatures):');
  console.log(`    PKCS#12 files: ${pki.membersDir}   password: ${pki.password}`);
  if (member && file) console.log(`    ${member.username} signs with ${file}`);
  console.log(
    '    Sign in as a member, import the file in Settings → Certificate, then answer the demo',
  );
  console.log('    ballot under Written opinions. The server trusts this CA only (TRUST_DIR).');
}

/**
 * Steps run before the app starts, in order. Each is
 *   { name, run: async ({ noServer }) => ({ env?: Record<string, string>, cleanup?: () => Promise<void> | void }) }
 * `env` is passed to the app (Electron or the web host); `cleanup` runs when the app exits.
 */
const BEFORE_APP = [serverStep];

async function runBeforeApp(steps, options) {
  const env = {};
  const cleanups = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0)) await step();
  };
  try {
    for (const step of steps) {
      console.log(`Starting: ${step.name}`);
      const result = (await step.run(options)) ?? {};
      Object.assign(env, result.env ?? {});
      if (result.cleanup) cleanups.unshift(result.cleanup);
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { env, cleanup };
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
  const argv = process.argv.slice(2);
  const noServer = argv.includes('--no-server');
  const webArgs = webModeArgs(argv.filter((arg) => arg !== '--no-server'));
  let before;
  let appRunning = false;
  // While the app runs, its own handlers forward the signal and the cleanups follow its exit.
  // Before that (server starting, Electron being fetched), clean up here and leave; process.exit
  // also ends a server still starting (embeddedServer.mjs kills its child on 'exit').
  const onSignal = (signal) => {
    shuttingDown = true;
    if (appRunning) return;
    void Promise.resolve(before?.cleanup()).finally(() =>
      process.exit(signal === 'SIGINT' ? 130 : 143),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    before = await runBeforeApp(BEFORE_APP, { noServer });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(
      'Start without it with `npm start -- --no-server`, or point at one with ECABINET_SERVER_URL.',
    );
    process.exitCode = 1;
    return;
  }
  let code;
  try {
    console.log('Looking for the Electron binary…');
    const timeoutMs = Number(process.env.ECABINET_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 120_000);
    const electron = await obtainElectronBinary(repoRoot, { timeoutMs });
    if (electron.path) {
      console.log(`Electron: ${electron.path}`);
      appRunning = true;
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
      appRunning = true;
      code = await runWebMode({ ...webArgs, env: before.env });
    }
  } finally {
    await before.cleanup();
  }
  process.exitCode = code;
}

await main();
