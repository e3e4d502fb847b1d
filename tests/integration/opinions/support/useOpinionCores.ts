import { afterAll, afterEach, beforeAll } from 'vitest';
import { FAST_TUNING, startSignedIn, type CoreHarness } from '../../../support/coreHarness.ts';
import { startTcpProxy, type TcpProxy } from '../../../support/tcpProxy.ts';
import {
  startHarness,
  type Account,
  type Harness,
  type Session,
} from '../../server/support/harness.ts';
import { createOpinionPki, type OpinionPki } from '../../server/support/opinionFixture.ts';

/** What the opinion suites through the client core share; the fields are set by `beforeAll`. */
export interface OpinionCores {
  /** The real server (PGlite), trusting `pki`. */
  server: Harness;
  pki: OpinionPki;
  admin: Session;
  staffAccount: Account;
  staff: Session;
  /** A client core signed in as `account` through `via` (default: straight to the server),
   * online and synced once; disposed after the test. */
  signedIn(account: Account, via?: string): Promise<CoreHarness>;
  /** A TCP proxy to the server (to take a device offline), closed after the test. */
  proxy(): Promise<TcpProxy>;
}

/**
 * Registers, in the calling `describe`, the hooks that start the server with a dev PKI, an
 * admin and a secretariat account, dispose of each test's cores and proxies, and stop it all.
 */
export function useOpinionCores(): OpinionCores {
  const cores: CoreHarness[] = [];
  const proxies: TcpProxy[] = [];
  const shared = {
    async signedIn(account: Account, via = shared.server.url): Promise<CoreHarness> {
      return startSignedIn(cores, { serverUrl: via, tuning: FAST_TUNING }, account);
    },
    async proxy(): Promise<TcpProxy> {
      const proxy = await startTcpProxy({ host: '127.0.0.1', port: shared.server.server.port });
      proxies.push(proxy);
      return proxy;
    },
  } as OpinionCores;

  beforeAll(async () => {
    shared.pki = await createOpinionPki();
    shared.server = await startHarness({ trustDir: shared.pki.dir });
    shared.admin = await shared.server.login(await shared.server.createAccount('admin'));
    shared.staffAccount = await shared.server.createAccount('secretariat');
    shared.staff = await shared.server.login(shared.staffAccount);
  }, 120_000);

  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
    for (const proxy of proxies.splice(0)) await proxy.close();
  });

  afterAll(async () => {
    await (shared.server as Harness | undefined)?.close();
    await (shared.pki as OpinionPki | undefined)?.remove();
  });

  return shared;
}
