import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openBlobStore } from './blobs/BlobStore.ts';
import { systemClock, type Clock } from './clock.ts';
import { parseConfig, type ServerConfig, type ServerConfigInput } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase, type Database, type OpenedDatabase } from './db/openDatabase.ts';
import { createFaults, parseFaultPlan } from './faults/faultPlan.ts';
import { createHttpHandler } from './http/createHttpHandler.ts';
import { createLogger, type Logger } from './log.ts';
import { seedDemoOnFirstStart } from './seedDemoOnFirstStart.ts';
import type { ServerContext } from './ServerContext.ts';
import { createServerHooks } from './ServerHooks.ts';
import { createSocketServer, type IoServer } from './socket/createSocketServer.ts';

export interface StartServerOptions extends Partial<ServerConfigInput> {
  /** The server's time source; tests move it to expire tokens and rate-limit windows. */
  clock?: Clock;
  logger?: Logger;
  /**
   * TEST ONLY: a fault plan such as `push:after-commit:2` that makes the process SIGKILL itself
   * at that point (faults/faultPlan.ts). Never set in production; unset = inert.
   */
  faultPlan?: string;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8787 — HTTP and socket.io alike. */
  readonly url: string;
  readonly port: number;
  readonly config: ServerConfig;
  readonly db: Database;
  readonly databaseKind: OpenedDatabase['kind'];
  readonly context: ServerContext;
  readonly io: IoServer;
  /** Stops accepting, closes sockets and connections, then the database. Idempotent. */
  close(): Promise<void>;
}

/** Slowest a client may be to send its request headers; ms. */
const HEADERS_TIMEOUT_MS = 30_000;
/** Longest a whole request may take (a 100 MiB upload on a slow link included); ms. */
const REQUEST_TIMEOUT_MS = 30 * 60_000;

/**
 * Starts the sync server: database (PGlite or PostgreSQL) migrated, blob store opened, demo
 * data seeded when asked and the database is empty, then HTTP and socket.io on one port
 * (`port: 0` picks a free one). Used by the CLI (main.ts), `npm start`, tests and benchmarks.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { clock = systemClock, logger: givenLogger, faultPlan, ...configInput } = options;
  const config = parseConfig(configInput);
  const logger = givenLogger ?? createLogger('server', config.logLevel);
  const plan = parseFaultPlan(faultPlan);
  if (plan !== null) logger.warn('TEST-ONLY fault plan active', { ...plan });
  const dataDir = resolve(config.dataDir);
  await mkdir(dataDir, { recursive: true });

  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, logger });
  let httpServer: HttpServer | null = null;
  try {
    await migrate(database, logger);
    const blobs = await openBlobStore(join(dataDir, 'blobs'));
    const context: ServerContext = {
      config,
      db: database.db,
      blobs,
      clock,
      logger,
      hooks: createServerHooks(logger),
      faults: createFaults(plan),
    };
    if (config.seedDemo) await seedDemoOnFirstStart(context);

    const server = createServer(
      { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
      createHttpHandler(context),
    );
    httpServer = server;
    const sockets = await createSocketServer(server, context);
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(config.port, config.host, () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const urlHost =
      config.host === '0.0.0.0' || config.host === '::'
        ? '127.0.0.1'
        : config.host.includes(':')
          ? `[${config.host}]`
          : config.host;
    const url = `http://${urlHost}:${port}`;
    logger.info('server listening', {
      url,
      database: database.kind,
      redis: config.redisUrl !== undefined,
    });

    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      config,
      db: database.db,
      databaseKind: database.kind,
      context,
      io: sockets.io,
      close: () => {
        closing ??= (async () => {
          server.closeAllConnections();
          await sockets.close(); // also closes the HTTP server
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    httpServer?.close();
    await database.close().catch(() => undefined);
    throw error;
  }
}
