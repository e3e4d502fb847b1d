import { startPostgres } from '../../support/postgres.ts';
import { defineCoreServerSuite } from './support/coreServerSuite.ts';

// A real PostgreSQL (started here, stopped after). Missing binaries fail the suite loudly.
defineCoreServerSuite('core ↔ real server on PostgreSQL', async () => {
  const postgres = await startPostgres();
  return {
    options: { databaseUrl: await postgres.createDatabase('ecabinet_core_sync') },
    stop: () => postgres.stop(),
  };
});
