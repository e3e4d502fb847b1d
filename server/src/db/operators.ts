/**
 * Drizzle's query operators, re-exported for code outside server/src that queries the schema
 * (the test suites). Importing them from here rather than from 'drizzle-orm' directly gives the
 * caller the same type identity as the tables: the tests' tsconfig (Bundler resolution) would
 * otherwise pick drizzle's ESM declarations while the server's files, compiled through the
 * project reference, get its CJS ones, and TypeScript treats the two as unrelated types.
 */
export { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
