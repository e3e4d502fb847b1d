import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from '../core/log/logger.ts';
import { DEFAULT_SERVER_URL_ENV } from '../core/settings/applyDefaultServerUrl.ts';
import { startWebHost } from './startWebHost.ts';

/**
 * CLI of the browser-mode host (development and evaluation):
 *   node electron/webhost/main.ts --data-dir <dir> [--port <n>] [--renderer-dir <dir>]
 * Prints the URL to open (it carries the per-launch secret) on stdout; logs go to stderr as
 * JSON lines. `ECABINET_DEFAULT_SERVER_URL` (set by `npm start` for its embedded server) becomes
 * the server URL when the data directory has none yet. SIGINT/SIGTERM close the host cleanly;
 * exit code 0 then, 1 on a start-up error.
 */

/** Line printed on stdout once listening; `scripts/start-web.mjs` and tests look for it. */
const READY_PREFIX = 'Browser mode (development and evaluation): open ';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0-dev';
  } catch {
    return '0.0.0-dev';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string', default: resolve(repoRoot, 'out', 'renderer') },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help || !values['data-dir']) {
    process.stderr.write(
      'usage: node electron/webhost/main.ts --data-dir <dir> [--port <n>] [--renderer-dir <dir>]\n',
    );
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const port = Number(values.port);
  const log = createLogger('webhost');
  const host = await startWebHost({
    dataDir: resolve(values['data-dir']),
    rendererDir: resolve(values['renderer-dir']),
    port,
    log,
    version: readVersion(),
    defaultServerUrl: process.env[DEFAULT_SERVER_URL_ENV],
  });
  process.stdout.write(`${READY_PREFIX}${host.url}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('close failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `web host failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
