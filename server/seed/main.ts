// `npm run seed`: writes the demo data into the server's DATA_DIR (or DATABASE_URL) and prints
// the demo logins. Idempotent: running it again changes nothing. Same environment as the
// server (server/README.md); it does not listen on any port.
import { join, resolve } from 'node:path';
import { openBlobStore } from '../src/blobs/BlobStore.ts';
import { systemClock } from '../src/clock.ts';
import { configFromEnv } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { noFaults } from '../src/faults/faultPlan.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { createLogger, errorFields } from '../src/log.ts';
import type { ServerContext } from '../src/ServerContext.ts';
import { createServerHooks } from '../src/ServerHooks.ts';
import { buildDemoData } from './buildDemoData.ts';
import { renderPaperPdf } from './pdf/renderPaperPdf.ts';
import { seedDatabase } from './seedDatabase.ts';

const logger = createLogger('seed');
try {
  const config = configFromEnv(process.env);
  const dataDir = resolve(config.dataDir);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir, logger });
  try {
    await migrate(database, logger);
    const ctx: ServerContext = {
      config,
      db: database.db,
      blobs: await openBlobStore(join(dataDir, 'blobs')),
      clock: systemClock,
      logger,
      hooks: createServerHooks(logger),
      faults: noFaults,
    };
    const report = await seedDatabase(ctx, buildDemoData(), (paper) => renderPaperPdf(paper));
    const where = config.databaseUrl === undefined ? dataDir : 'DATABASE_URL';
    process.stdout.write(
      `Seeded ${where}: ${report.usersCreated} users, ${report.meetingsCreated} meetings, ${report.versionsCreated} papers created.\n\nDemo logins:\n`,
    );
    for (const login of report.logins) {
      process.stdout.write(
        `  ${login.username.padEnd(16)} ${login.password.padEnd(20)} ${login.role.padEnd(12)} ${login.displayName}\n`,
      );
    }
  } finally {
    await database.close();
  }
} catch (error) {
  logger.error('seed failed', errorFields(error));
  process.exitCode = 1;
}
