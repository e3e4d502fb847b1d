import { afterAll, beforeAll } from 'vitest';
import { signInCore, startSignedIn, type CoreHarness } from '../../../support/coreHarness.ts';
import { startHarness, type Harness } from './harness.ts';
import {
  accountOf,
  createWriteMeeting,
  type WriteMeeting,
  type WriteMeetingOptions,
} from './writeFixture.ts';

/** A real server (PGlite) with a write meeting, and client cores on it; set by `beforeAll`. */
export interface WriteMeetingCores {
  h: Harness;
  m: WriteMeeting;
  /** A new core signed in as participant `index` (or the secretariat, 'staff'), online and
   * synced once; or `core`, signed in again. Disposed after the suite. */
  signIn(index: 'staff' | number, core?: CoreHarness): Promise<CoreHarness>;
}

/**
 * Registers, in the calling `describe`, the hooks that start the server and create the meeting
 * (then run `prepare`, if given), and that dispose of the cores and stop the server.
 */
export function useWriteMeetingCores(
  options: WriteMeetingOptions,
  prepare?: (h: Harness, m: WriteMeeting) => Promise<void>,
): WriteMeetingCores {
  const cores: CoreHarness[] = [];
  const shared = {
    signIn(index: 'staff' | number, core?: CoreHarness): Promise<CoreHarness> {
      const account = accountOf(shared.m, index);
      return core
        ? signInCore(core, account)
        : startSignedIn(cores, { serverUrl: shared.h.url }, account);
    },
  } as WriteMeetingCores;

  beforeAll(async () => {
    shared.h = await startHarness();
    shared.m = await createWriteMeeting(shared.h, options);
    await prepare?.(shared.h, shared.m);
  });

  afterAll(async () => {
    for (const core of cores) await core.dispose();
    await (shared.h as Harness | undefined)?.close();
  });

  return shared;
}
