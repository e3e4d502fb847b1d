#!/usr/bin/env node
// `npm run verify -- <export.zip | folder> [--trust-dir <dir>]`: the offline check of a ballot's
// evidence export (server/src/opinions/evidence/main.ts, docs/evidence-export.md).
// Exit code: 0 valid, 1 invalid, 2 unreadable or bad arguments.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { projectNode, repoRoot } from './lib/projectNode.mjs';

// npm runs scripts in the package root: paths are the caller's, relative to where npm was run.
const base = process.env.INIT_CWD ?? process.cwd();
const args = process.argv.slice(2).map((a) => (a.startsWith('-') ? a : resolve(base, a)));
const child = spawnSync(
  projectNode(repoRoot),
  [
    '--experimental-strip-types',
    '--no-warnings',
    join(repoRoot, 'server', 'src', 'opinions', 'evidence', 'main.ts'),
    ...args,
  ],
  { stdio: 'inherit' },
);
process.exit(child.status ?? 2);
