#!/usr/bin/env node
// `npm run start:web`: browser mode (development and evaluation). Builds the renderer when it is
// missing or stale, then runs the web host (electron/webhost/main.ts) on 127.0.0.1 and prints the
// URL to open; the URL carries a per-launch secret, so open it as printed.
//
//   npm run start:web -- [--data-dir <dir>] [--port <n>]
//
// Data lives in .data/web in the repository unless --data-dir (or ECABINET_DATA_DIR) says
// otherwise. Ctrl+C stops the host cleanly.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureRendererBuilt } from './lib/rendererBuild.mjs';
import { projectNode, repoRoot } from './lib/projectNode.mjs';

/** The line the web host prints once it listens (electron/webhost/main.ts). */
const READY_PREFIX = 'Browser mode (development and evaluation): open ';

export const DEFAULT_WEB_DATA_DIR = resolve(repoRoot, '.data', 'web');

function printBanner(url, dataDir) {
  const rule = '─'.repeat(Math.min(100, Math.max(60, url.length + 4)));
  console.log(`\n${rule}`);
  console.log(`  eCabinet — ${READY_PREFIX}${url}`);
  console.log('');
  console.log(
    "  Open this URL in Chromium or Chrome (it carries this launch's secret; a reload keeps working).",
  );
  console.log(
    '  Browser mode is for development and evaluation; the desktop app is `npm start` with Electron.',
  );
  console.log(`  Data directory: ${dataDir}`);
  console.log('  Stop: Ctrl+C');
  console.log(`${rule}\n`);
}

/**
 * Runs browser mode until the host exits or this process is interrupted. `env` is added to the
 * host's environment (before-app steps of `npm start` pass their results this way).
 * Resolves with the exit code to use.
 */
export async function runWebMode({ dataDir = DEFAULT_WEB_DATA_DIR, port = '0', env = {} } = {}) {
  if (!ensureRendererBuilt(repoRoot)) {
    console.error('The renderer build failed; see the output above.');
    return 1;
  }
  const child = spawn(
    projectNode(repoRoot),
    ['electron/webhost/main.ts', '--data-dir', dataDir, '--port', String(port)],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    },
  );
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.startsWith(READY_PREFIX)) printBanner(line.slice(READY_PREFIX.length), dataDir);
      else console.log(line);
    }
  });
  const forward = (signal) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return new Promise((resolveExit) => {
    child.on('error', (error) => {
      console.error(`Could not start the web host: ${error.message}`);
      resolveExit(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolveExit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}

/** `--data-dir` and `--port` from argv, with ECABINET_DATA_DIR as the fallback data dir. */
export function webModeArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, port: { type: 'string', default: '0' } },
    strict: true,
  });
  const dataDir = values['data-dir'] ?? process.env.ECABINET_DATA_DIR;
  return { dataDir: dataDir ? resolve(dataDir) : DEFAULT_WEB_DATA_DIR, port: values.port };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runWebMode(webModeArgs(process.argv.slice(2)));
}
