// The project's Node 24 (the `node` devDependency), whatever Node runs this script. The web host
// is TypeScript run directly, which needs Node's type stripping (on by default from Node 23.6).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute path of the repository root (scripts/lib/ → ../..). */
export const repoRoot = join(import.meta.dirname, '..', '..');

/** Path of the Node binary to run project TypeScript with. */
export function projectNode(root = repoRoot) {
  const candidates = [
    join(root, 'node_modules', 'node', 'bin', 'node'),
    join(root, 'node_modules', '.bin', 'node'),
  ];
  return candidates.find((path) => existsSync(path)) ?? process.execPath;
}

/** PATH with the project's node_modules/.bin first, as `npm run` would set it. */
export function projectPath(root = repoRoot) {
  return [join(root, 'node_modules', '.bin'), process.env.PATH ?? ''].join(
    process.platform === 'win32' ? ';' : ':',
  );
}
