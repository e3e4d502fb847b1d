import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Every file under `dir` whose name ends in `.node`, following no symlinks. */
function nativeAddons(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) nativeAddons(path, found);
    else if (entry.isFile() && entry.name.endsWith('.node')) found.push(path);
  }
  return found;
}

describe('dependency policy', () => {
  it('pins Electron 45.x', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['electron']).toMatch(/^\^?45\./);
    const installed = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toMatch(/^45\./);
  });

  it('ships no compiled .node addon in any runtime (production) dependency', () => {
    // `npm ls --omit=dev --parseable` lists the directory of every production package.
    const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const dirs = out.split('\n').filter((line) => line.includes('node_modules') && statSync(line, { throwIfNoEntry: false })?.isDirectory());
    expect(dirs.length).toBeGreaterThan(20);
    const addons = dirs.flatMap((dir) => nativeAddons(dir)).map((path) => path.slice(root.length + 1));
    expect(addons).toEqual([]);
  }, 60_000);
});
