// Builds the renderer for browser mode (`vite build --config renderer/vite.config.ts` →
// out/renderer) when the build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectNode, projectPath, repoRoot } from './projectNode.mjs';

/** What the renderer bundle is built from; a newer file here means the build is stale. */
const SOURCES = ['renderer', 'shared', 'assets', 'package.json'];

/** Newest modification time (ms) of any file under `path`. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Why the renderer needs building, or null when out/renderer/index.html is up to date. */
export function rendererBuildReason(root = repoRoot) {
  const index = join(root, 'out', 'renderer', 'index.html');
  if (!existsSync(index)) return 'out/renderer/index.html is missing';
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(join(root, source)) > built);
  return changed ? `${changed}/ changed since the last build` : null;
}

/** Runs the browser-mode renderer build; returns true on success. Output is inherited. */
export function buildRenderer(root = repoRoot) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    projectNode(root),
    [vite, 'build', '--config', 'renderer/vite.config.ts'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PATH: projectPath(root) },
    },
  );
  return result.status === 0;
}

/** Builds when stale; returns true when out/renderer is ready. `log` gets one-line progress. */
export function ensureRendererBuilt(root = repoRoot, log = (line) => console.log(line)) {
  const reason = rendererBuildReason(root);
  if (reason === null) {
    log('Renderer build is up to date (out/renderer).');
    return true;
  }
  log(`Building the renderer (${reason}): vite build --config renderer/vite.config.ts`);
  return buildRenderer(root);
}
