// Finds the Electron binary, or tries to obtain it. Electron 45 downloads its binary on first
// use (not at install time), so a machine without internet has the package but no binary.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectNode, repoRoot } from './projectNode.mjs';

function electronPathTxt(root) {
  try {
    return readFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * An Electron executable that already exists, without downloading anything, or null.
 * Looked up in order: ECABINET_ELECTRON_PATH (an executable), ELECTRON_OVERRIDE_DIST_PATH (a
 * dist directory, as the electron package understands it), node_modules/electron/dist.
 */
export function findElectronBinary(root = repoRoot, env = process.env) {
  const relative =
    electronPathTxt(root) ??
    (process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron');
  const candidates = [
    env.ECABINET_ELECTRON_PATH,
    env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : undefined,
    electronPathTxt(root) ? join(root, 'node_modules', 'electron', 'dist', relative) : undefined,
  ];
  return (
    candidates.find((path) => typeof path === 'string' && path !== '' && existsSync(path)) ?? null
  );
}

/** Marker before the path the child prints, so the package's own output is told apart. */
const MARKER = 'ECABINET_ELECTRON_PATH=';

/**
 * The Electron executable, downloading it if needed: `require('electron')` in a child process
 * (the package fetches the binary on first require), bounded by `timeoutMs`.
 * Resolves `{ path }` or `{ path: null, reason }`; never rejects.
 */
export async function obtainElectronBinary(root = repoRoot, { timeoutMs = 120_000 } = {}) {
  const existing = findElectronBinary(root);
  if (existing) return { path: existing };
  return new Promise((resolve) => {
    const child = spawn(
      projectNode(root),
      ['-e', `process.stdout.write('\\n${MARKER}' + require('electron') + '\\n')`],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ path: null, reason: error.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(MARKER));
      const path = line ? line.slice(MARKER.length).trim() : null;
      if (code === 0 && path && existsSync(path)) return resolve({ path });
      const firstError = err
        .split('\n')
        .find((l) => /error/i.test(l))
        ?.trim();
      const reason = signal
        ? `no answer within ${Math.round(timeoutMs / 1000)} s`
        : (firstError ?? `exit code ${code}`);
      resolve({ path: null, reason });
    });
  });
}
