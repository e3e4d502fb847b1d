import { defineWritePathSuite } from './support/defineWritePathSuite.ts';

defineWritePathSuite('write path on PGlite', () =>
  Promise.resolve({ options: {}, stop: () => Promise.resolve() }),
);
