#!/usr/bin/env node
// `npm run bench [-- suite ...]`: runs tests/bench/<suite>.bench.ts (all suites when none named).
// Each benchmark prints one JSON line per scenario, with its same-run baseline where one applies.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'tests', 'bench');
const available = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, ''));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark suite(s): ${unknown.join(', ')}; available: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}
let failed = 0;
for (const suite of wanted.length > 0 ? wanted : available) {
  const child = spawnSync(process.execPath, [join(dir, `${suite}.bench.ts`)], { stdio: 'inherit' });
  if (child.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
