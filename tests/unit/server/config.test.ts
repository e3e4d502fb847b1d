import { describe, expect, it } from 'vitest';
import { configFromEnv, parseConfig } from '../../../server/src/config.ts';

describe('server config', () => {
  it('has safe defaults: loopback, port 8787, PGlite, no Redis, 100 MiB uploads', () => {
    const config = configFromEnv({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: '.data/server',
      maxUploadBytes: 100 * 1024 * 1024,
      loginMaxFailures: 5,
      loginWindowSeconds: 900,
      trustProxy: false,
      seedDemo: false,
    });
  });

  it('reads the environment, treating empty values as unset', () => {
    const config = configFromEnv({
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/ecabinet',
      DATABASE_URL: 'postgresql://db/ecabinet',
      REDIS_URL: '',
      TOKEN_TTL_SECONDS: '60',
      MAX_UPLOAD_BYTES: '2048',
      TRUST_PROXY: 'true',
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/var/lib/ecabinet',
      databaseUrl: 'postgresql://db/ecabinet',
      tokenTtlSeconds: 60,
      maxUploadBytes: 2048,
      trustProxy: true,
      seedDemo: false,
      logLevel: 'warn',
    });
    expect(config.redisUrl).toBeUndefined();
  });

  it('names the bad variable', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => configFromEnv({ PORT: '70000' })).toThrow(/port/);
    expect(() => configFromEnv({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses unknown keys from code', () => {
    expect(() => parseConfig({ port: 1, ...({ prot: 2 } as object) })).toThrow(/prot/);
  });
});
