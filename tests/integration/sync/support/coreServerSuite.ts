import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import type { StartServerOptions } from '../../../../server/src/startServer.ts';
import { startCore, type CoreHarness, type HarnessOptions } from '../../../support/coreHarness.ts';
import { startTcpProxy, type TcpProxy } from '../../../support/tcpProxy.ts';
import { startHarness, type Harness, type Session } from '../../server/support/harness.ts';
import { coreServerTests } from './coreServerTests.ts';
import { newsInlineTests } from './newsInlineTests.ts';
import { randomCutTests } from './randomCutTests.ts';

/** The database a suite run uses: server options naming it, and how to stop it afterwards. */
export interface SuiteDatabase {
  options: StartServerOptions;
  stop(): Promise<void>;
}

/** What the tests of one suite run share: one real server, an administrator, a secretariat. */
export interface CoreServerContext {
  /** The suite's name (e.g. "core ↔ real server on PGlite"), for log lines. */
  readonly name: string;
  readonly server: Harness;
  readonly admin: Session;
  readonly staff: Session;
  /** A client core in a temp data dir, disposed after the test. */
  startCore(options?: HarnessOptions): CoreHarness;
  /** A TCP proxy in front of the server, closed after the test (after the cores). */
  startProxy(): Promise<TcpProxy>;
}

/**
 * The client core against the real sync server (port 0, temp data dir), run once per database
 * (PGlite, PostgreSQL). Data is created through the server's own admin HTTP API, as the
 * secretariat would. Tests share the server, so each creates its own accounts and meetings.
 */
export function defineCoreServerSuite(name: string, database: () => Promise<SuiteDatabase>): void {
  describe(name, () => {
    let server: Harness | undefined;
    let sessions: { admin: Session; staff: Session } | undefined;
    let stopDatabase: (() => Promise<void>) | undefined;
    const cores: CoreHarness[] = [];
    const proxies: TcpProxy[] = [];

    beforeAll(async () => {
      const db = await database();
      stopDatabase = db.stop;
      server = await startHarness(db.options);
      sessions = {
        admin: await server.login(await server.createAccount('admin')),
        staff: await server.login(await server.createAccount('secretariat')),
      };
    }, 90_000);

    afterEach(async () => {
      for (const core of cores.splice(0)) await core.dispose();
      for (const proxy of proxies.splice(0)) await proxy.close();
    });

    afterAll(async () => {
      await server?.close();
      await stopDatabase?.();
    });

    const context = (): CoreServerContext => {
      const s = server;
      if (s === undefined || sessions === undefined) throw new Error('server not started');
      return {
        name,
        server: s,
        ...sessions,
        startCore: (options) => {
          const core = startCore(options);
          cores.push(core);
          return core;
        },
        startProxy: async () => {
          const proxy = await startTcpProxy({ host: '127.0.0.1', port: s.server.port });
          proxies.push(proxy);
          return proxy;
        },
      };
    };
    coreServerTests(context);
    randomCutTests(context);
    newsInlineTests(context);
  });
}
