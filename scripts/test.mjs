#!/usr/bin/env node
// `npm test`: typecheck, lint, vitest (unit + integration + renderer) and Playwright (e2e),
// in that order, every step run even when an earlier one failed. The last line printed is
// `N passed, N failed` summed over all runners (typecheck and lint count as one check each);
// the exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

/** Runs a command with inherited output; returns its exit status (null when killed). */
function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: exit ${child.status ?? child.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return child.status;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const tally = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
function record(label, passed, failed, skipped = 0) {
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += skipped;
  lines.push(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

// 1. Typecheck and lint: one check each.
const tsc = run('typecheck', 'tsc', ['-b']);
record('typecheck', tsc === 0 ? 1 : 0, tsc === 0 ? 0 : 1);
const lint = run('lint', 'eslint', ['.', '--max-warnings', '0']);
record('lint', lint === 0 ? 1 : 0, lint === 0 ? 0 : 1);

// 2. Vitest: node (unit + integration) and jsdom (renderer) projects.
const vitestJson = join(results, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitest = run('vitest', 'vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) {
  const failedSuites = (v.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  record('vitest', v.numPassedTests ?? 0, (v.numFailedTests ?? 0) + failedSuites, (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0));
  if (vitest !== 0 && (v.numFailedTests ?? 0) + failedSuites === 0) record('vitest (runner error)', 0, 1);
} else {
  record('vitest (no report)', 0, 1);
}

// 3. Playwright end-to-end specs (browser mode in Debian Chromium; Electron where a binary exists).
const pwJson = join(results, 'e2e.json');
rmSync(pwJson, { force: true });
const pw = run('e2e', 'playwright', ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
const p = readJson(pwJson);
if (p?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = p.stats;
  record('e2e', expected + flaky, unexpected, skipped);
  if (pw !== 0 && unexpected === 0) record('e2e (runner error)', 0, 1);
} else if (!existsSync(join(root, 'playwright.config.ts'))) {
  record('e2e (no config)', 0, 1);
} else {
  record('e2e (no report)', 0, 1);
}

console.log('\n' + lines.join('\n'));
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
process.exit(tally.failed === 0 ? 0 : 1);
