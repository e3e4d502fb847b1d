import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, stopChild } from './childProcesses.ts';

/**
 * A throw-away Redis for the multi-process tests: `redis-server` on 127.0.0.1 and a free port,
 * no persistence, working dir in a temp dir; stopped and deleted by `stop()`. A missing
 * binary FAILS with a clear message rather than skipping.
 */
export interface RedisInstance {
  readonly url: string;
  stop(): Promise<void>;
}

/** Longest wait for the server to accept connections; ms. */
const READY_TIMEOUT_MS = 15_000;

export async function startRedis(): Promise<RedisInstance> {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const binary = process.env['REDIS_SERVER'] ?? (which.status === 0 ? which.stdout.trim() : '');
  if (binary === '') {
    throw new Error(
      'redis-server not found. The multi-server test needs it: install it (Debian/Ubuntu: apt-get install redis-server) or set REDIS_SERVER.',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'ecabinet-redis-'));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForPort(port, child, () => output);
  } catch (error) {
    await stopChild(child, 'SIGTERM', 5_000);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped: Promise<void> | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => {
      stopped ??= (async () => {
        await stopChild(child, 'SIGTERM', 5_000);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`redis-server exited with ${child.exitCode}: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not become ready: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
