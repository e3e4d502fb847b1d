import { z } from 'zod';
import { LOG_LEVELS } from './log.ts';

const MiB = 1024 * 1024;

/**
 * Everything the server is configured with. `startServer()` takes a partial object (defaults
 * filled in here); the CLI builds it from environment variables with `configFromEnv()`.
 * Units are in the names: `...Seconds`, `...Bytes`.
 */
export const serverConfigSchema = z.strictObject({
  /** TCP port for HTTP and socket.io together; 0 = an ephemeral port (tests). */
  port: z.number().int().min(0).max(65_535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  /** Holds the PGlite database (`db/`) and the blobs (`blobs/`). Relative to the working dir. */
  dataDir: z.string().min(1).default('.data/server'),
  /** PostgreSQL connection string; unset = embedded PGlite in `<dataDir>/db`. */
  databaseUrl: z.string().min(1).optional(),
  /** Redis URL; set = socket.io Redis adapter so several server processes share news. */
  redisUrl: z.string().min(1).optional(),
  /** Lifetime of a login token. Default 14 days. */
  tokenTtlSeconds: z
    .number()
    .int()
    .min(1)
    .max(366 * 24 * 3600)
    .default(14 * 24 * 3600),
  /** Failed logins allowed per username and per address within the window. */
  loginMaxFailures: z.number().int().min(1).max(1000).default(5),
  loginWindowSeconds: z
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(15 * 60),
  /** Largest PDF upload; refused while streaming once crossed. */
  maxUploadBytes: z
    .number()
    .int()
    .min(1024)
    .default(100 * MiB),
  /** Largest JSON request body. */
  maxJsonBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * MiB)
    .default(1 * MiB),
  /** socket.io `maxHttpBufferSize`: largest single socket message. */
  socketMaxMessageBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * MiB)
    .default(1_000_000),
  /** Most change-log entries one pull examines, visible or not: bounds the work of a pull. */
  pullScanWindow: z.number().int().min(1).max(1_000_000).default(10_000),
  /** scrypt cost as log2(N) for new password hashes (r=8, p=1); 15 → 32 MiB, ~50 ms. */
  scryptLogN: z.number().int().min(10).max(20).default(15),
  /** Take the client address from the first X-Forwarded-For entry (behind a reverse proxy only). */
  trustProxy: z.boolean().default(false),
  /** Seed the demo data into an empty database at start (`npm start`). */
  seedDemo: z.boolean().default(false),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /**
   * Trust configuration for signed opinions (loadTrustFiles layout: trust/, intermediates/,
   * crl/). Unset: every opinion is refused with OPINION_REJECTED (UNTRUSTED_CHAIN).
   */
  trustDir: z.string().min(1).optional(),
  /**
   * Written opinions received up to this long after a ballot's deadline are accepted when
   * signed before it (signingTime ≤ deadline); decided on server receipt time. Default 0.
   */
  opinionGraceSeconds: z.number().int().min(0).max(7 * 24 * 3600).default(0),
});

export type ServerConfig = z.output<typeof serverConfigSchema>;
export type ServerConfigInput = z.input<typeof serverConfigSchema>;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const optionalInt = optionalString.pipe(
  z.union([
    z.undefined(),
    z
      .string()
      .regex(/^-?\d+$/, 'must be an integer')
      .transform(Number),
  ]),
);
const optionalBool = optionalString.pipe(z.stringbool().optional());

/** The environment variables the CLI reads (documented in server/README.md). */
const envSchema = z.object({
  PORT: optionalInt,
  HOST: optionalString,
  DATA_DIR: optionalString,
  DATABASE_URL: optionalString,
  REDIS_URL: optionalString,
  TOKEN_TTL_SECONDS: optionalInt,
  LOGIN_RATE_LIMIT_MAX_FAILURES: optionalInt,
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: optionalInt,
  MAX_UPLOAD_BYTES: optionalInt,
  MAX_JSON_BYTES: optionalInt,
  SOCKET_MAX_MESSAGE_BYTES: optionalInt,
  PULL_SCAN_WINDOW: optionalInt,
  SCRYPT_LOG_N: optionalInt,
  TRUST_PROXY: optionalBool,
  SEED_DEMO: optionalBool,
  LOG_LEVEL: optionalString.pipe(z.enum(LOG_LEVELS).optional()),
  TRUST_DIR: optionalString,
  GRACE_SECONDS: optionalInt,
});

/** Parses the environment; throws a readable error naming the bad variable. */
export function configFromEnv(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid environment: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return parseConfig({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    loginMaxFailures: e.LOGIN_RATE_LIMIT_MAX_FAILURES,
    loginWindowSeconds: e.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    maxJsonBytes: e.MAX_JSON_BYTES,
    socketMaxMessageBytes: e.SOCKET_MAX_MESSAGE_BYTES,
    pullScanWindow: e.PULL_SCAN_WINDOW,
    scryptLogN: e.SCRYPT_LOG_N,
    trustProxy: e.TRUST_PROXY,
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    trustDir: e.TRUST_DIR,
    opinionGraceSeconds: e.GRACE_SECONDS,
  });
}

/** Fills defaults and validates; undefined fields take their default. */
export function parseConfig(
  input: Partial<Record<keyof ServerConfigInput, unknown>>,
): ServerConfig {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const parsed = serverConfigSchema.safeParse(defined);
  if (!parsed.success)
    throw new Error(`invalid server configuration: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
