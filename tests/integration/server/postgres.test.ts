import { startPostgres } from '../../support/postgres.ts';
import { defineServerSuite } from './support/defineServerSuite.ts';

// A real PostgreSQL (started here, stopped after). Missing binaries fail the suite loudly.
defineServerSuite('server on PostgreSQL', async () => {
  const postgres = await startPostgres();
  return {
    options: { databaseUrl: await postgres.createDatabase('ecabinet_suite') },
    stop: () => postgres.stop(),
  };
});
