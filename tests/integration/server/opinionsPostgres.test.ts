import { startPostgres } from '../../support/postgres.ts';
import { defineOpinionSuite } from './support/defineOpinionSuite.ts';

// A real PostgreSQL (started here, stopped after). Missing binaries fail the suite loudly.
defineOpinionSuite('written opinions on PostgreSQL', async () => {
  const postgres = await startPostgres();
  return {
    options: { databaseUrl: await postgres.createDatabase('ecabinet_opinions') },
    stop: () => postgres.stop(),
  };
});
