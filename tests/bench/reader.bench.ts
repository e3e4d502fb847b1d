/**
 * `npm run bench -- reader`: the reader benchmarks of issue "Reader". Each scenario prints one
 * JSON line on stdout (with its same-run baseline where one applies); progress and diagnostics
 * go to stderr. Scenarios run one after another so they do not share the 2 cores.
 * - reader.first_page, reader.scroll: Debian's Chromium (/usr/bin/chromium) through Playwright's
 *   library API, driving the built renderer (out/renderer) in browser mode against the real
 *   server and web host (tests/bench/readerChromium.ts);
 * - annotation.save: the core's durable write path, in Node (tests/bench/readerAnnotationSave.ts).
 * BENCH_ONLY=<name>[,<name>...] runs only the scenarios named; reader.first_page and
 * reader.scroll share one browser session.
 */
import { benchAnnotationSave } from './readerAnnotationSave.ts';
import { benchReaderInChromium } from './readerChromium.ts';

const names = ['reader.first_page', 'reader.scroll', 'annotation.save'];
const only = (process.env['BENCH_ONLY'] ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '');
const unknown = only.filter((name) => !names.includes(name));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown scenario(s) in BENCH_ONLY: ${unknown.join(', ')}; available: ${names.join(', ')}\n`,
  );
  process.exit(2);
}
const wanted = (name: string): boolean => only.length === 0 || only.includes(name);

let failed = 0;
async function run(name: string, body: () => Promise<object[]>): Promise<void> {
  try {
    for (const line of await body()) process.stdout.write(JSON.stringify(line) + '\n');
  } catch (error) {
    failed++;
    process.stderr.write(
      `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}

if (wanted('reader.first_page') || wanted('reader.scroll'))
  await run('reader (chromium)', () =>
    benchReaderInChromium({ scroll: wanted('reader.scroll'), firstPage: wanted('reader.first_page') }),
  );
if (wanted('annotation.save')) await run('annotation.save', async () => [await benchAnnotationSave()]);
process.exit(failed === 0 ? 0 : 1);
