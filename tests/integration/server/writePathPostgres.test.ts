import { startPostgres } from '../../support/postgres.ts';
import { defineWritePathSuite } from './support/defineWritePathSuite.ts';

// A real PostgreSQL (started here, stopped after). Missing binaries fail the suite loudly.
defineWritePathSuite('write path on PostgreSQL', async () => {
  const postgres = await startPostgres();
  return {
    options: { databaseUrl: await postgres.createDatabase('ecabinet_write_path') },
    stop: () => postgres.stop(),
  };
});
