import { afterAll, beforeAll, describe } from 'vitest';
import type { StartServerOptions } from '../../../../server/src/startServer.ts';
import { authTests, SUITE_TOKEN_TTL_SECONDS } from './authTests.ts';
import { blobTests } from './blobTests.ts';
import { changeLogTests } from './changeLogTests.ts';
import { startHarness, type Harness } from './harness.ts';
import { meetingSyncTests } from './meetingSyncTests.ts';
import { seedTests } from './seedTests.ts';
import { socketTests } from './socketTests.ts';
import { SUITE_MAX_UPLOAD_BYTES, uploadTests } from './uploadTests.ts';

/**
 * The server integration suite, run once per database (PGlite, PostgreSQL) against one server
 * per run. Tests share that server, so each creates its own accounts and meetings; only the
 * auth tests move the clock, and every test logs in afresh.
 */
export function defineServerSuite(
  name: string,
  database: () => Promise<{ options: StartServerOptions; stop(): Promise<void> }>,
): void {
  describe(name, () => {
    let harness: Harness | undefined;
    let stopDatabase: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const db = await database();
      stopDatabase = db.stop;
      harness = await startHarness({
        ...db.options,
        tokenTtlSeconds: SUITE_TOKEN_TTL_SECONDS,
        maxUploadBytes: SUITE_MAX_UPLOAD_BYTES,
      });
    });

    afterAll(async () => {
      await harness?.close();
      await stopDatabase?.();
    });

    const get = (): Harness => {
      if (harness === undefined) throw new Error('server not started');
      return harness;
    };
    meetingSyncTests(get);
    blobTests(get);
    uploadTests(get);
    changeLogTests(get);
    socketTests(get);
    seedTests(get);
    authTests(get);
  });
}
