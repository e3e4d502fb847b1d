/**
 * `npm run bench -- write`: the write-path benchmarks of issue "Write path". Each scenario
 * prints one JSON line on stdout with its same-run baseline where one applies; progress and
 * diagnostics go to stderr. Scenarios run one after another so they do not share the 2 cores.
 */
import { benchBroadcastVoteOpened } from './broadcast.ts';
import { benchOutboxFlush } from './outboxFlush.ts';
import { benchStoreWrite } from './writeStore.ts';

const scenarios: { name: string; run: () => Promise<object> }[] = [
  { name: 'outbox.flush', run: benchOutboxFlush },
  { name: 'store.write', run: benchStoreWrite },
  { name: 'broadcast.vote_opened', run: benchBroadcastVoteOpened },
];

let failed = 0;
for (const scenario of scenarios) {
  try {
    process.stdout.write(JSON.stringify(await scenario.run()) + '\n');
  } catch (error) {
    failed++;
    process.stderr.write(`${scenario.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
