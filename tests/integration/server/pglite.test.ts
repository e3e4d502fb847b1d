import { defineServerSuite } from './support/defineServerSuite.ts';

defineServerSuite('server on PGlite', () =>
  Promise.resolve({ options: {}, stop: () => Promise.resolve() }),
);
