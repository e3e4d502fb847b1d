import { startPostgres } from '../../support/postgres.ts';
import { defineBallotCloseSuite } from './support/ballotCloseSuite.ts';

// A real PostgreSQL (started here, stopped after): the row locks and triggers of closing.
defineBallotCloseSuite('ballot close and reminders on PostgreSQL', async () => {
  const postgres = await startPostgres();
  return {
    options: { databaseUrl: await postgres.createDatabase('ecabinet_ballot_close') },
    stop: () => postgres.stop(),
  };
});
