import { afterAll, beforeAll, describe } from 'vitest';
import type { StartServerOptions } from '../../../../server/src/startServer.ts';
import { annotationTests } from './annotationTests.ts';
import { commentPositionTests } from './commentPositionTests.ts';
import { startHarness, type Harness } from './harness.ts';
import { meetingCloseTests } from './meetingCloseTests.ts';
import { pushBatchTests } from './pushBatchTests.ts';
import { pushProtocolTests } from './pushProtocolTests.ts';
import { voteTests } from './voteTests.ts';
import { writeSecurityTests } from './writeSecurityTests.ts';

/**
 * The write-path suite (push, comments, positions, live votes), run once per database (PGlite,
 * PostgreSQL) against one server per run. Tests share that server, so each creates its own
 * accounts, meetings and client ids; none moves the clock.
 */
export function defineWritePathSuite(
  name: string,
  database: () => Promise<{ options: StartServerOptions; stop(): Promise<void> }>,
): void {
  describe(name, () => {
    let harness: Harness | undefined;
    let stopDatabase: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const db = await database();
      stopDatabase = db.stop;
      harness = await startHarness(db.options);
    });

    afterAll(async () => {
      await harness?.close();
      await stopDatabase?.();
    });

    const get = (): Harness => {
      if (harness === undefined) throw new Error('server not started');
      return harness;
    };
    pushProtocolTests(get);
    pushBatchTests(get);
    commentPositionTests(get);
    voteTests(get);
    writeSecurityTests(get);
    annotationTests(get);
    meetingCloseTests(get);
  });
}
