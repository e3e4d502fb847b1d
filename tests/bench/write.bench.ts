/**
 * `npm run bench -- write`: the write-path benchmarks of issue "Write path". Each scenario
 * prints one JSON line on stdout with its same-run baseline where one applies; progress and
 * diagnostics go to stderr. Scenarios run one after another so they do not share the 2 cores.
 * BENCH_ONLY=<name>[,<name>...] runs only the scenarios named (e.g.
 * `BENCH_ONLY=broadcast.vote_opened npm run bench -- write`); an unknown name fails the run.
 */
import { benchBroadcastVoteOpened } from './broadcast.ts';
import { benchOutboxFlush } from './outboxFlush.ts';
import { benchStoreWrite } from './writeStore.ts';

const scenarios: { name: string; run: () => Promise<object> }[] = [
  { name: 'outbox.flush', run: benchOutboxFlush },
  { name: 'store.write', run: benchStoreWrite },
  { name: 'broadcast.vote_opened', run: benchBroadcastVoteOpened },
];

const only = (process.env['BENCH_ONLY'] ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '');
const unknown = only.filter((name) => !scenarios.some((s) => s.name === name));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown scenario(s) in BENCH_ONLY: ${unknown.join(', ')}; available: ${scenarios.map((s) => s.name).join(', ')}\n`,
  );
  process.exit(2);
}

let failed = 0;
for (const scenario of scenarios.filter((s) => only.length === 0 || only.includes(s.name))) {
  try {
    process.stdout.write(JSON.stringify(await scenario.run()) + '\n');
  } catch (error) {
    failed++;
    process.stderr.write(
      `${scenario.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}
process.exit(failed === 0 ? 0 : 1);
