import { defineCoreServerSuite } from './support/coreServerSuite.ts';

defineCoreServerSuite('core ↔ real server on PGlite', () =>
  Promise.resolve({ options: {}, stop: () => Promise.resolve() }),
);
