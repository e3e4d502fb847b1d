import { defineOpinionSuite } from './support/defineOpinionSuite.ts';

defineOpinionSuite('written opinions on PGlite', () =>
  Promise.resolve({ options: {}, stop: () => Promise.resolve() }),
);
