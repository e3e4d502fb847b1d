import { defineBallotCloseSuite } from './support/ballotCloseSuite.ts';

defineBallotCloseSuite('ballot close and reminders on PGlite', () =>
  Promise.resolve({ options: {}, stop: () => Promise.resolve() }),
);
