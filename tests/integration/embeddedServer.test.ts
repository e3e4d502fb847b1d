import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  portIsFree,
  startEmbeddedServer,
  type EmbeddedServer,
} from '../../scripts/lib/embeddedServer.mjs';

// `npm start`'s embedded server (scripts/lib/embeddedServer.mjs): the real server/src/main.ts as
// a child process. Without the demo seed here (seeding renders ~20 PDFs; the e2e suite and
// tests/unit/seed cover it), so a start takes about a second.

let dir: string;
const started: EmbeddedServer[] = [];
const blockers: Server[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecabinet-embedded-'));
});
afterEach(async () => {
  for (const server of started.splice(0)) await server.stop();
  for (const blocker of blockers.splice(0)) await new Promise((done) => blocker.close(done));
  await rm(dir, { recursive: true, force: true });
});

async function start(port: number, dataDir = join(dir, 'server')): Promise<EmbeddedServer> {
  const lines: string[] = [];
  const server = await startEmbeddedServer({
    dataDir,
    port,
    seedDemo: false,
    startTimeoutMs: 25_000,
    log: (line) => lines.push(line),
  });
  started.push(server);
  return server;
}

/** Occupies a free port on 127.0.0.1 until the test ends. */
async function occupiedPort(): Promise<number> {
  const blocker = createServer();
  blockers.push(blocker);
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  const address = blocker.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

// A PGlite start with migrations takes a few seconds, more under a loaded `npm test`.
describe('embedded server', { timeout: 60_000 }, () => {
  it('answers /api/health on loopback once started, stop() ends it, and its data stays', async () => {
    const server = await start(0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.firstStart).toBe(true);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);

    await server.stop();
    expect(await server.exited).toBe(0);
    expect(await portIsFree(server.port)).toBe(true);
    await server.stop(); // idempotent

    const again = await start(0);
    expect(again.firstStart).toBe(false);
  });

  it('uses another port when the preferred one is taken', async () => {
    const taken = await occupiedPort();
    const server = await start(taken);
    expect(server.portFallback).toBe(true);
    expect(server.port).not.toBe(taken);
    expect((await fetch(`${server.url}/api/health`)).ok).toBe(true);
  });

  it('rejects with the server log when it cannot start, and leaves nothing running', async () => {
    const file = join(dir, 'not-a-directory');
    await writeFile(file, 'x');
    await expect(start(0, join(file, 'server'))).rejects.toThrow(
      /the embedded server did not start: it exited \(code 1\)[\s\S]*server failed to start/,
    );
    expect(started).toHaveLength(0);
  });
});
